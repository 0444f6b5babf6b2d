import type * as z from 'zod';
import type { FieldPath, FrontMatter } from './front-matter.ts';
import { problem, type Problem } from './problems.ts';
import { closest, didYouMean } from './suggest.ts';

/**
 * Validates front matter against a collection schema and turns every zod issue into a
 * line an author can act on: where (file:line:col), which field, what is wrong, what to do.
 * Never lets a raw ZodError through.
 */
export function validateFrontMatter<S extends z.ZodType>(
  file: string,
  frontMatter: FrontMatter,
  schema: S,
  /** Where the fields are written, for "add it to …". */
  home = 'the front matter',
): { data: z.output<S> } | { problems: Problem[] } {
  const result = schema.safeParse(frontMatter.data);
  if (result.success) return { data: result.data };
  return {
    problems: mergeMissing(
      result.error.issues.flatMap((issue) => issueProblems(file, frontMatter, schema, issue, home)),
      home,
    ),
  };
}

/** The end of a message about a required field that is absent. */
export const missingField = (home: string) => `: required field is missing; add it to ${home}`;
/** The end of a message about a field written with no value (`owner:`). */
export const emptyField = ': is empty; fill it in';

/** Fields missing from one place become one problem that names them all, not one line each. */
function mergeMissing(problems: Problem[], home: string): Problem[] {
  const missing = missingField(home);
  const merged: Problem[] = [];
  const byPlace = new Map<string, { problem: Problem; fields: string[] }>();
  for (const p of problems) {
    if (!p.message.endsWith(missing)) {
      merged.push(p);
      continue;
    }
    const field = p.message.slice(0, -missing.length);
    const place = `${p.line}:${p.column}`;
    const group = byPlace.get(place);
    if (group) group.fields.push(field);
    else {
      const entry = { problem: { ...p }, fields: [field] };
      byPlace.set(place, entry);
      merged.push(entry.problem);
    }
  }
  for (const { problem: p, fields } of byPlace.values()) {
    p.message = fields.length === 1 ? `${fields[0]}${missing}` : `required fields are missing: ${fields.join(', ')}; add them to ${home}`;
  }
  return merged;
}

function issueProblems(file: string, fm: FrontMatter, schema: z.ZodType, issue: z.core.$ZodIssue, home: string): Problem[] {
  const at = (path: FieldPath, key = false) => {
    const { line, column } = key ? fm.locateKey(path) : fm.locate(path);
    return (message: string) => problem(file, line, column, message);
  };
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys(schema, issue.path);
    return issue.keys.map((key) => {
      const path = [...issue.path, key];
      const hint = didYouMean(key, known) || `; allowed fields here: ${known.join(', ')}`;
      return at(path, true)(`${fieldName(path)}: unknown field${hint}`);
    });
  }
  const value = valueAt(fm.data, issue.path);
  return [at(issue.path)(`${fieldName(issue.path)}: ${describe(issue, value, home)}`)];
}

function describe(issue: z.core.$ZodIssue, value: unknown, home: string): string {
  if (value === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_format')) {
    return `required field is missing; add it to ${home}`;
  }
  if (value === null && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) return emptyField.slice(2);
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${article(issue.expected)}, got ${kindOf(value)} ${preview(value)}`.trim() + typeHint(issue.expected, value);
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      const suggestion = typeof value === 'string' ? closest(value, allowed, 1)[0] : undefined;
      return `${preview(value)} is not allowed; use one of: ${allowed.join(', ')}${suggestion ? ` (did you mean ${suggestion}?)` : ''}`;
    }
    case 'invalid_format':
      return `${preview(value)} is not valid: ${issue.message}`;
    case 'too_small':
      return issue.origin === 'array'
        ? `needs at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}`
        : issue.origin === 'string'
          ? `is too short: write at least ${issue.minimum} characters`
          : `must be at least ${issue.minimum}, got ${preview(value)}`;
    case 'too_big':
      return issue.origin === 'array'
        ? `has too many items: at most ${issue.maximum}`
        : issue.origin === 'string'
          ? `is too long: at most ${issue.maximum} characters (it has ${String(value).length})`
          : `must be at most ${issue.maximum}, got ${preview(value)}`;
    case 'invalid_union':
      return `${preview(value)} does not match any allowed form`;
    default:
      return issue.message;
  }
}

/** `action_items[2].due` rather than an array of segments. */
export function fieldName(path: FieldPath): string {
  if (path.length === 0) return '(front matter)';
  return path.reduce<string>((name, seg) => (typeof seg === 'number' ? `${name}[${seg}]` : name ? `${name}.${String(seg)}` : String(seg)), '');
}

function valueAt(data: unknown, path: FieldPath): unknown {
  return path.reduce<unknown>((v, seg) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[seg] : undefined), data);
}

/** The keys the schema allows for the object at `path`, for "did you mean". */
function knownKeys(schema: z.ZodType, path: FieldPath): string[] {
  let node: z.ZodType | undefined = schema;
  for (const seg of path) {
    node = unwrap(node);
    const def = node?._zod.def as { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType };
    node = def.type === 'object' ? def.shape?.[String(seg)] : def.type === 'array' ? def.element : undefined;
  }
  const def = unwrap(node)?._zod.def as { type: string; shape?: Record<string, unknown> } | undefined;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

function unwrap(node: z.ZodType | undefined): z.ZodType | undefined {
  let current = node;
  for (let i = 0; i < 10 && current; i++) {
    const def = current._zod.def as { type: string; innerType?: z.ZodType };
    if (!def.innerType) break;
    current = def.innerType;
  }
  return current;
}

function kindOf(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a set of fields';
  return `a ${typeof value}`;
}

function article(expected: string): string {
  const names: Record<string, string> = { array: 'a list', object: 'a set of fields', string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false' };
  return names[expected] ?? expected;
}

function typeHint(expected: string, value: unknown): string {
  if (expected === 'array' && (typeof value === 'string' || typeof value === 'number')) return `; write a list, e.g. [${JSON.stringify(value)}]`;
  if (expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) return '; put the value in quotes';
  return '';
}

function preview(value: unknown): string {
  if (value === undefined) return '';
  if (value === null || typeof value === 'object') return '';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}..."` : text;
}
