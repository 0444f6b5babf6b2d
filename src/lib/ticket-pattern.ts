import { RegExpParser, visitRegExpAST, type AST } from '@eslint-community/regexpp';
import { getConsumedChars, getFirstConsumedChar, isPotentiallyZeroLength, toCharSet } from 'regexp-ast-analysis';
import { analyse } from 'scslre';

/**
 * How tracker patterns are checked before they run against every word of every document.
 *
 * A pattern is accepted only when it (1) is valid, (2) always consumes at least one
 * character, (3) never consumes a space or line break (a ticket key is one word, which is
 * what lets a match be confined to a bounded run of text), and (4) cannot backtrack
 * catastrophically: no repetition inside an unbounded repetition unless each round is
 * delimited by a character the rest of the round cannot match, no alternatives under a
 * repetition that can start with the same character, and nothing scslre (a static
 * analyser for super-linear backtracking, used by eslint-plugin-regexp) reports for the
 * pattern as the ticket linker runs it. The checks are deliberately conservative: a
 * refused pattern gets a message saying how to write it safely.
 */

/** Longest run of non-space text in which a ticket key is looked for, from the key's first character. */
export const maxKeyRun = 128;

/** Longest pattern accepted; ticket keys are short, and so is the analysis of a short pattern. */
export const maxPatternLength = 300;

// No `u` flag: the body pipeline recompiles the linker's pattern from its source with `g` only.
const flags: AST.Flags = {
  type: 'Flags',
  parent: null,
  start: 0,
  end: 0,
  raw: '',
  global: false,
  ignoreCase: false,
  multiline: false,
  unicode: false,
  sticky: false,
  dotAll: false,
  hasIndices: false,
  unicodeSets: false,
};
const parser = new RegExpParser({ ecmaVersion: 2025 });
const whitespace = toCharSet(parser.parsePattern('\\s', undefined, undefined, { unicode: false }).alternatives[0]!.elements[0] as AST.EscapeCharacterSet, flags);

/**
 * The one expression that finds the keys of all these (checked) patterns in text, as the
 * ticket linker and the body pipeline run it (global, no other flags). A key starts where no
 * word, path or longer key goes on before it and ends where none goes on after it; the run of
 * non-space text from its first character is at most `maxKeyRun` long, and since patterns
 * cannot match spaces, no attempt reads further than that. The first characters the patterns
 * can start with are tested first, so most positions are passed over in one step.
 */
export function keyPatternSource(patterns: readonly string[]): string {
  return `${boundary(patterns)}(?:${patterns.map((p) => `(?:${withoutGroupNames(p)})`).join('|')})${keySuffix}`;
}

const keySuffix = '(?![\\w-])';

function boundary(patterns: readonly string[]): string {
  const first = patterns.map((p) => getFirstConsumedChar(parse(p).alternatives, 'ltr', flags).char).reduce((a, b) => a.union(b));
  const hex = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;
  const firstClass = `[${first.ranges.map((r) => (r.min === r.max ? hex(r.min) : `${hex(r.min)}-${hex(r.max)}`)).join('')}]`;
  return `(?<![\\w/-])(?=${firstClass})(?!\\S{${maxKeyRun + 1}})`;
}

function parse(pattern: string): AST.Pattern {
  return parser.parsePattern(pattern, undefined, undefined, { unicode: false });
}

const checked = new Map<string, string | undefined>();

/**
 * What is wrong with a tracker's key pattern, as a sentence for the person who wrote it,
 * or undefined when it is safe to run over every document. Results are remembered, so the
 * schema and the ticket linker can both ask.
 */
export function ticketPatternProblem(pattern: string): string | undefined {
  if (!checked.has(pattern)) checked.set(pattern, check(pattern));
  return checked.get(pattern);
}

function check(pattern: string): string | undefined {
  if (pattern.length > maxPatternLength) return `is ${pattern.length} characters long; write a key pattern of at most ${maxPatternLength}, e.g. (?:OPS|SD)-\\d+`;
  try {
    new RegExp(pattern);
  } catch (error) {
    const reason = (error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
    return `not a valid regular expression (${reason}); check its brackets and backslashes, e.g. (?:OPS|SD)-\\d+`;
  }
  let ast: AST.Pattern;
  try {
    ast = parse(pattern);
  } catch (error) {
    return `uses syntax Cairn cannot check (${(error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '')}); write it with character classes, groups and quantifiers, e.g. (?:OPS|SD)-\\d+`;
  }

  let backreference: AST.Backreference | undefined;
  let modifiers: AST.Group | undefined;
  const quantifiers: AST.Quantifier[] = [];
  const alternations: (AST.Group | AST.CapturingGroup)[] = [];
  const sequences: AST.Alternative[] = [];
  visitRegExpAST(ast, {
    onAlternativeEnter: (node) => void sequences.push(node),
    onBackreferenceEnter: (node) => void (backreference ??= node),
    onQuantifierEnter: (node) => void quantifiers.push(node),
    onGroupEnter: (node) => {
      if (node.modifiers) modifiers ??= node;
      if (node.alternatives.length > 1) alternations.push(node);
    },
    onCapturingGroupEnter: (node) => void (node.alternatives.length > 1 && alternations.push(node)),
  });
  // The analysis below does not model flag groups such as (?i:…); better refused than misjudged.
  if (modifiers)
    return `uses the flag group ${modifiers.raw.slice(0, modifiers.raw.indexOf(':') + 1)}…), which Cairn cannot check; write the letters out, e.g. [Oo][Pp][Ss]-\\d+ rather than (?i:ops)-\\d+`;
  if (backreference) return `uses the backreference ${backreference.raw}, which can make matching take exponential time; write the repeated part out, e.g. (?:OPS|SD)-\\d+`;

  if (isPotentiallyZeroLength(ast.alternatives, flags)) {
    return 'can match empty text, so every position would be a ticket key; make at least one part required, e.g. [A-Z]+-\\d+ rather than [A-Z]*-?\\d*';
  }
  if (!getConsumedChars(ast, flags).chars.isDisjointWith(whitespace)) {
    return 'can match a space or line break, but a ticket key is one word; use classes without spaces, e.g. [\\w.-]+ rather than .+ or [^#]+';
  }

  for (const outer of quantifiers) {
    if (outer.max < 2 || delimited(outer)) continue;
    const inner = quantifiers.find((q) => q !== outer && within(q, outer) && q.min !== q.max && (outer.max === Infinity || q.max === Infinity));
    if (inner) {
      return `the repetition ${outer.raw} contains the repetition ${inner.raw}, so a long near-miss can take exponential time; repeat once, or begin or end each round with a character nothing else in it matches, e.g. [A-Z]+(?:-[A-Z]+)*-\\d+ rather than ([A-Z]+-?)+\\d+`;
    }
  }
  for (const group of alternations) {
    const repeat = quantifiers.find((q) => q.max >= 2 && within(group, q));
    if (!repeat) continue;
    const starts = group.alternatives.map((a) => getFirstConsumedChar(a, 'ltr', flags));
    const clash = starts.some((s, i) => s.empty || starts.some((t, j) => j > i && !s.char.isDisjointWith(t.char)));
    if (clash) {
      return `the repetition ${repeat.raw} has alternatives ${group.raw} that can begin with the same character, so a long near-miss can take exponential time; give each alternative a different first character, e.g. (?:A(?:B|C))+ rather than (?:AB|AC)+`;
    }
  }

  // Two repetitions in a row trade text between them (O(n²), O(n³) for three): refused when
  // the second can begin with a character the first can match, with only optional parts between.
  for (const alternative of sequences) {
    const { elements } = alternative;
    for (const [i, first] of elements.entries()) {
      if (first.type !== 'Quantifier' || first.max !== Infinity) continue;
      const chars = getConsumedChars(first.element, flags).chars;
      for (const second of elements.slice(i + 1)) {
        if (second.type === 'Quantifier' && second.max === Infinity && !getFirstConsumedChar(second.element, 'ltr', flags).char.isDisjointWith(chars)) {
          return `the repetitions ${first.raw} and ${second.raw} follow each other and the second can begin with a character the first matches, so a long near-miss takes polynomial time; make the second begin with a character the first cannot match, e.g. [A-Z]+-\\d+ rather than \\w+\\d+`;
        }
        if (!isPotentiallyZeroLength(second, flags)) break;
      }
    }
  }

  // Analyse the pattern as the linker runs it, so its word boundaries count.
  const prefix = `${boundary([pattern])}(?:`;
  const offset = prefix.length;
  const source = `${prefix}${pattern})${keySuffix}`;
  const report = analyse({ source, flags: '' }, { reportTypes: { Move: false } }).reports[0];
  if (report) {
    const [a, b] = report.type === 'Trade' ? [report.startQuant, report.endQuant] : [report.quant, report.type === 'Self' ? report.parentQuant : report.quant];
    const text = JSON.stringify(report.character.pick.repeat(3) + '…');
    const where = (q: AST.Quantifier) => `${q.raw} at character ${q.start - offset + 1}`;
    return `its parts ${where(a)} and ${where(b)} can both match text like ${text}, so a long near-miss takes ${report.exponential ? 'exponential' : 'polynomial'} time; let only one part match each character, e.g. [A-Z]+-\\d+ rather than \\w+\\d+`;
  }
  return undefined;
}

/** Whether `node` lies inside `container` (and is not the container itself). */
function within(node: AST.Node, container: AST.Node): boolean {
  return node !== container && node.start >= container.start && node.end <= container.end;
}

/**
 * Whether each round of a repetition begins or ends with one character that nothing else in
 * the round can consume, as `-` in `(?:-\d+)+` or `.` in `(?:\w+\.)*`: the rounds can then
 * be split only one way, so nesting does not multiply the ways to fail.
 */
function delimited(quantifier: AST.Quantifier): boolean {
  const body = quantifier.element;
  const alternatives = body.type === 'Group' || body.type === 'CapturingGroup' ? body.alternatives : undefined;
  if (alternatives?.length !== 1) return false;
  const elements = alternatives[0]!.elements;
  // Without the `u` and `v` flags a class or escape is always exactly one character.
  const single = (e: AST.Element | undefined): e is AST.Character | AST.CharacterClass | AST.CharacterSet =>
    !!e && (e.type === 'Character' || e.type === 'CharacterClass' || e.type === 'CharacterSet');
  const disjointFromRest = (edge: AST.Element) => {
    const chars = toCharSet(edge as AST.Character, flags);
    return elements.every((e) => e === edge || e.type === 'Assertion' || getConsumedChars(e, flags).chars.isDisjointWith(chars));
  };
  const first = elements[0];
  const last = elements.at(-1);
  return (single(first) && disjointFromRest(first)) || (single(last) && disjointFromRest(last));
}

/** The names of the pattern's named groups, which a tracker's URL template may use. */
export function groupNames(pattern: string): string[] {
  const names: string[] = [];
  try {
    visitRegExpAST(parse(pattern), {
      onCapturingGroupEnter: (node) => void (node.name && names.push(node.name)),
    });
  } catch {
    return [];
  }
  return names;
}

/**
 * The pattern with its named groups made plain, so several trackers' patterns can share one
 * expression without clashing names. Safe because patterns with backreferences are refused.
 */
function withoutGroupNames(pattern: string): string {
  const starts: number[] = [];
  visitRegExpAST(parse(pattern), {
    onCapturingGroupEnter: (node) => void (node.name && starts.push(node.start)),
  });
  return starts.reverse().reduce((source, start) => source.slice(0, start + 1) + source.slice(source.indexOf('>', start) + 1), pattern);
}
