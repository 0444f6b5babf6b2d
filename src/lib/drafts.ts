import { problem, type Problem } from './problems.ts';
import { emptyField, missingField } from './schema-problems.ts';

/**
 * A document is a draft while its `status` is `draft` (runbooks, playbooks, guides) or it
 * carries `draft: true` (the other collections, whose `status` means something else). Read
 * from the raw front matter, so a draft whose fields are still empty is known as one.
 */
export function isDraft(frontMatter: Readonly<Record<string, unknown>>): boolean {
  return frontMatter.draft === true || frontMatter.status === 'draft';
}

/**
 * A draft may leave fields empty or out: its schema problems that only say "fill this in"
 * become one warning naming every field still to fill; anything actually wrong (a value of
 * the wrong form, an unknown field) stays an error. Returns the problems and the fields.
 */
export function draftProblems(file: string, problems: readonly Problem[]): { problems: Problem[]; toFill: string[] } {
  const kept: Problem[] = [];
  const toFill: string[] = [];
  let first: Problem | undefined;
  for (const p of problems) {
    const fields = unfilledFields(p.message);
    if (!fields) {
      kept.push(p);
      continue;
    }
    first ??= p;
    toFill.push(...fields);
  }
  if (first) {
    kept.push(problem(file, first.line, first.column, `draft: still to fill before it is published: ${toFill.join(', ')}`, 'warning'));
  }
  return { problems: kept, toFill };
}

/** The fields a schema problem asks to fill in, or undefined when it says something else is wrong. */
function unfilledFields(message: string): string[] | undefined {
  const many = /^required fields are missing: (.+); add them to /.exec(message);
  if (many) return many[1]!.split(', ');
  for (const ending of [emptyField, missingField('the front matter')]) {
    if (message.endsWith(ending)) return [message.slice(0, -ending.length)];
  }
  return undefined;
}
