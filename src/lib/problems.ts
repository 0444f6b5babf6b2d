/** One thing wrong with the content, at a place an author can find. */
export interface Problem {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** 1-based line and column; 1:1 when the problem concerns the whole file. */
  line: number;
  column: number;
  severity: 'error' | 'warning';
  message: string;
}

export type ProblemFormat = 'text' | 'json' | 'github';

export function problem(file: string, line: number, column: number, message: string, severity: Problem['severity'] = 'error'): Problem {
  return { file, line, column, severity, message };
}

/** Orders problems by file, then position, so output reads top to bottom. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column);
}

/** `path:line:col: error: message`, the form editors and CI logs make clickable. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.severity}: ${p.message}`;
}

/** A GitHub Actions workflow command, so problems show inline on the pull request. */
export function formatGithubAnnotation(p: Problem): string {
  const escape = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const prop = (s: string) => escape(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return `::${p.severity} file=${prop(p.file)},line=${p.line},col=${p.column}::${escape(p.message)}`;
}

export function formatProblems(problems: readonly Problem[], format: ProblemFormat): string {
  const sorted = sortProblems(problems);
  if (format === 'json') return JSON.stringify({ problems: sorted }, null, 2);
  return sorted.map(format === 'github' ? formatGithubAnnotation : formatProblem).join('\n');
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** Thrown by the site build when content is invalid; its message is the problem list. */
export class ContentError extends Error {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    const errors = problems.filter((p) => p.severity === 'error').length;
    super(`${errors} content problem${errors === 1 ? '' : 's'}; nothing was built:\n${formatProblems(problems, 'text')}\nRun \`npm run check\` for the same list without building.`);
    this.name = 'ContentError';
    this.problems = problems;
  }
}
