import { readFileSync, renameSync, writeFileSync } from 'node:fs';

/**
 * Entries kept in one file as lines of `key<TAB>value`: read whole in one go and decoded one
 * entry at a time, as asked for, so ten thousand entries cost one read and no parse of what
 * is not used. Saving keeps this run's entries only (read or written), copies the unchanged
 * ones byte for byte, and writes nothing when the file would come out the same.
 */
export interface LineStore {
  /** The value, which this run then keeps. */
  get(key: string): string | undefined;
  /** Whether the store holds the key, without keeping it. */
  has(key: string): boolean;
  /** Sets a value (one line: no newline in it), which this run keeps. */
  set(key: string, value: string): void;
  /** The keys this run keeps. */
  keys(): IterableIterator<string>;
  /** Writes this run's entries, if that changes the file; tells whether an entry was dropped. */
  save(): { dropped: boolean };
}

const tab = 9;
const newline = 10;
const newlineBytes = Buffer.from('\n');

export function openLineStore(path: string): LineStore {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    bytes = Buffer.alloc(0);
  }
  /** Where each key's value lies in `bytes`, and where its line starts. */
  const lines = new Map<string, { line: number; from: number; to: number }>();
  for (let start = 0; start < bytes.length;) {
    let end = bytes.indexOf(newline, start);
    if (end < 0) end = bytes.length;
    const split = bytes.indexOf(tab, start);
    if (split > start && split < end) lines.set(bytes.toString('utf8', start, split), { line: start, from: split + 1, to: end });
    start = end + 1;
  }
  const kept = new Set<string>();
  const written = new Map<string, string>();
  return {
    get(key) {
      const value = written.get(key);
      if (value !== undefined) return value;
      const at = lines.get(key);
      if (!at) return undefined;
      kept.add(key);
      return bytes.toString('utf8', at.from, at.to);
    },
    has: (key) => written.has(key) || lines.has(key),
    keys: () => new Set([...kept, ...written.keys()]).values(),
    set(key, value) {
      const at = lines.get(key);
      if (at && !written.has(key) && bytes.toString('utf8', at.from, at.to) === value) kept.add(key);
      else written.set(key, value);
    },
    save() {
      const dropped = [...lines.keys()].some((key) => !kept.has(key) && !written.has(key));
      if (!dropped && written.size === 0) return { dropped };
      const parts: Buffer[] = [];
      for (const key of kept) {
        if (written.has(key)) continue;
        const at = lines.get(key)!;
        parts.push(bytes.subarray(at.line, at.to), newlineBytes);
      }
      for (const [key, value] of written) parts.push(Buffer.from(`${key}\t${value}\n`));
      writeAtomically(path, Buffer.concat(parts));
      return { dropped };
    },
  };
}

/** Write then rename: a build running beside this one never reads half a file. */
export function writeAtomically(path: string, text: string | Buffer): void {
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}
