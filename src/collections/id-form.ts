import * as z from 'zod';
import { slugify } from '../lib/slugify.ts';
import { slugSource } from '../schemas/shared.ts';

/** How a collection's permanent IDs are written: the only place each ID regex is written. */
export interface IdForm {
  /** The whole ID, anchored. */
  pattern: RegExp;
  /** The ID as it may appear inside prose, unanchored (`RB-\d{4}`). */
  source: string;
  /** Shown in messages: "expected an ID like …". */
  example: string;
  /**
   * `prefixed` IDs (`RB-0042`) stand out in prose, so a body's mention becomes a link and an
   * ID alone names its collection; `slug` IDs (teams, services) are plain words and are also
   * their documents' file names.
   */
  kind: 'prefixed' | 'slug';
  /** The next free ID, given those in use; `today` dates an ID that carries its year. */
  next: (ids: ReadonlySet<string>, title: string, today: string) => string;
}

/** An ID form from its unanchored regex. */
export function idForm(source: RegExp, example: string, kind: IdForm['kind'], next: IdForm['next']): IdForm {
  return { pattern: new RegExp(`^(?:${source.source})$`), source: source.source, example, kind, next };
}

/** The number after `prefix` in an ID (`RB-0014` → 14), if that is all that follows it. */
function numberAfter(prefix: string, id: string): number | undefined {
  return id.startsWith(prefix) && /^\d+$/.test(id.slice(prefix.length)) ? Number(id.slice(prefix.length)) : undefined;
}

function highestIn(ids: Iterable<string>, prefix: string): number {
  let highest = 0;
  for (const id of ids) highest = Math.max(highest, numberAfter(prefix, id) ?? 0);
  return highest;
}

/**
 * IDs in use that keep the highest number after each prefix asked about, so giving out the
 * next ID does not read them all again: an import of 7,425 pages spent 18 s doing that.
 */
export class TakenIds extends Set<string> {
  readonly #highest = new Map<string, number>();

  constructor(ids: Iterable<string> = []) {
    super();
    for (const id of ids) this.add(id);
  }

  override add(id: string): this {
    for (const [prefix, highest] of this.#highest) this.#highest.set(prefix, Math.max(highest, numberAfter(prefix, id) ?? 0));
    return super.add(id);
  }

  override delete(id: string): boolean {
    this.#highest.clear();
    return super.delete(id);
  }

  override clear(): void {
    this.#highest.clear();
    super.clear();
  }

  highest(prefix: string): number {
    let highest = this.#highest.get(prefix);
    if (highest === undefined) this.#highest.set(prefix, (highest = highestIn(this, prefix)));
    return highest;
  }
}

/** `RB-0014`: one more than the highest number after `prefix` in use, zero-padded. */
export function numbered(prefix: string, width: number, ids: ReadonlySet<string>): string {
  const n = 1 + (ids instanceof TakenIds ? ids.highest(prefix) : highestIn(ids, prefix));
  return `${prefix}${String(n).padStart(width, '0')}`;
}

/** `PB-NNNN`-style IDs: a prefix and four digits. */
export function fourDigitId(prefix: string, example: string): IdForm {
  return idForm(new RegExp(`${prefix}-\\d{4}`), example, 'prefixed', (ids) => numbered(`${prefix}-`, 4, ids));
}

/** A slug ID, made from the title. */
export function slugId(example: string): IdForm {
  return idForm(slugSource, example, 'slug', (_, title) => slugify(title));
}

/** A reference, by permanent ID, to a document whose IDs have this form. */
export function idOf(form: IdForm) {
  return z.string().regex(form.pattern, { error: `expected an ID like ${form.example}` });
}
