import { decodeLine, maybeEncoded, yamlStrings, type DecodedLine, type ScannedString } from './secret-decode.ts';

export type { ScannedString } from './secret-decode.ts';

/**
 * Credentials pasted into content. Each detector names a kind of secret and matches its
 * distinctive shape; placeholders (`<password>`, `${TOKEN}`, `****`, `example`), paths,
 * vault references and instructions are not secrets. Secrets are found however they are
 * written: HTML character references and backslash escapes are decoded, a value broken over
 * two lines is joined, a table's `password` column is read cell by cell, and front matter's
 * decoded string values can be scanned too. Matches are reported by kind and place only:
 * the secret itself is kept (hidden) on the finding for `redactSecrets`, never printed.
 */
interface Detector {
  kind: string;
  /** Lower-case text at least one of which a line must contain for the pattern to match. */
  hints: readonly string[];
  pattern: RegExp;
  /** Which capture group holds the secret part, when only part of the match is secret. */
  group?: number;
  /** A generic shape (a value after a keyword): the value must also look random. */
  generic?: boolean;
  /** A further test of the value, for shapes that need one. */
  test?: (value: string) => boolean;
}

/** Words after which a value is a credential: `password: …`, `API_TOKEN=…`, `client_secret: …`. */
// `auth` but not `author`, `authority` or `authorize`: "Policy authors: Legal" names people.
const keyword = String.raw`(?:pass(?:word|wd|phrase)?|pwd|secret|token|api[_-]?key|access[_-]?key|auth(?!or)|credential)`;
const keywordHints = ['pass', 'pwd', 'secret', 'token', 'api_key', 'api-key', 'apikey', 'access_key', 'access-key', 'accesskey', 'auth', 'credential'];

/** Pattern text for a secret value: eight characters or more, no spaces or quotes, not starting with `<`. */
const value8 = String.raw`[^\s"'\`<>,;|][^\s"'\`,;|]{7,}`;

const detectors: Detector[] = [
  { kind: 'private key', hints: ['-----begin', 'putty-user-key'], pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|PuTTY-User-Key-File-\d+:/g },
  { kind: 'AWS access key ID', hints: ['akia', 'asia', 'abia', 'acca'], pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b/g },
  { kind: 'AWS secret access key', hints: ['secret'], pattern: /aws_?secret_?access_?key["'`]?\s*[:=]\s*["'`]?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/gi, group: 1 },
  { kind: 'GitHub token', hints: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'], pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})\b/g },
  { kind: 'GitLab token', hints: ['glpat-', 'gldt-', 'glrt-', 'glptt-', 'glft-', 'glsoat-', 'glcbt-'], pattern: /\bgl(?:pat|dt|rt|ptt|ft|soat|cbt)-[A-Za-z0-9_-]{20,}\b/g },
  { kind: 'Slack token', hints: ['xox', 'xapp-'], pattern: /\b(?:xox[abposre]-[A-Za-z0-9-]{10,}|xapp-\d-[A-Za-z0-9-]{10,})\b/g },
  { kind: 'Slack webhook URL', hints: ['hooks.slack.com'], pattern: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/T[A-Z0-9]+\/[A-Z0-9]+\/[A-Za-z0-9]{16,}/g },
  { kind: 'Microsoft Teams webhook URL', hints: ['webhook.office.com'], pattern: /https:\/\/[\w-]+\.webhook\.office\.com\/webhookb2\/[\w@-]+\/IncomingWebhook\/[0-9a-f]{32}\/[\w-]+/g },
  { kind: 'Discord webhook URL', hints: ['discord'], pattern: /https:\/\/(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/\d+\/[\w-]{50,}/g },
  { kind: 'Stripe secret key', hints: ['sk_live_', 'rk_live_'], pattern: /\b[sr]k_live_[A-Za-z0-9]{20,}\b/g },
  { kind: 'Google API key', hints: ['aiza'], pattern: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g },
  { kind: 'Google OAuth client secret', hints: ['gocspx-'], pattern: /\bGOCSPX-[A-Za-z0-9_-]{28}(?![A-Za-z0-9_-])/g },
  { kind: 'npm token', hints: ['npm_'], pattern: /\bnpm_[A-Za-z0-9]{36}\b/g },
  { kind: 'PyPI token', hints: ['pypi-'], pattern: /\bpypi-AgE[A-Za-z0-9_-]{50,}/g },
  { kind: 'Anthropic API key', hints: ['sk-ant-'], pattern: /\bsk-ant-(?:api|admin)\d\d-[A-Za-z0-9_-]{80,}/g },
  { kind: 'OpenAI API key', hints: ['sk-'], pattern: /\bsk-(?!ant-)(?:(?:proj|svcacct|admin)-)?[A-Za-z0-9_-]{32,}/g, test: (v) => looksRandom(v.replace(/^sk-(?:(?:proj|svcacct|admin)-)?/, '')) },
  { kind: 'Hugging Face token', hints: ['hf_'], pattern: /\bhf_[A-Za-z]{34,}\b/g, test: (v) => /[A-Z]/.test(v.slice(3)) && /[a-z]/.test(v) },
  { kind: 'HashiCorp Vault token', hints: ['hvs.', 'hvb.', 'hvr.'], pattern: /\bhv[sbr]\.[A-Za-z0-9_-]{24,}/g, test: (v) => looksRandom(v.slice(4)) },
  { kind: 'SendGrid API key', hints: ['sg.'], pattern: /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g },
  { kind: 'Atlassian API token', hints: ['atatt3'], pattern: /\bATATT3[A-Za-z0-9_=-]{50,}/g },
  { kind: 'Shopify access token', hints: ['shpat_', 'shpca_', 'shppa_', 'shpss_'], pattern: /\bshp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}\b/g },
  { kind: 'Azure AD client secret', hints: ['q~'], pattern: /(?<![\w~.-])[\w~.-]{3}\dQ~[\w~.-]{31,34}(?![\w~.-])/g, test: (v) => looksRandom(v) },
  { kind: 'Azure storage account key', hints: ['accountkey='], pattern: /AccountKey=([A-Za-z0-9+/]{80,}={0,2})/g, group: 1 },
  { kind: 'Azure shared access key', hints: ['sharedaccesskey='], pattern: /SharedAccessKey=([A-Za-z0-9+/]{40,}={0,2})/g, group: 1 },
  { kind: 'Azure shared access signature', hints: ['sig='], pattern: /[?&]sig=([A-Za-z0-9%+/]{30,}(?:%3D|=){0,2})/g, group: 1 },
  { kind: 'JSON web token', hints: ['eyj'], pattern: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/g },
  { kind: 'password in a connection string', hints: ['://'], pattern: /(?<=\b[a-z][a-z0-9+.-]*):\/\/[^\s:/@'"<>]+:([^\s@/'"]+)@[\w.-]+/gi, group: 1, generic: true },
  { kind: 'bearer token', hints: ['bearer'], pattern: /\bBearer\s+([A-Za-z0-9._~+/-]{20,}=*)/g, group: 1, generic: true },
  { kind: 'basic auth credentials', hints: ['basic'], pattern: /\bBasic\s+([A-Za-z0-9+/]{8,}={0,2})(?![A-Za-z0-9+/=])/g, group: 1, test: basicCredentials },
  {
    kind: 'password',
    hints: ['convertto-securestring'],
    pattern: new RegExp(String.raw`ConvertTo-SecureString\s+(?:-String\s+)?["']([^"']{6,})["']`, 'gi'),
    group: 1,
    generic: true,
  },
  { kind: 'password', hints: ['mysql', 'mariadb'], pattern: /\b(?:mysql|mariadb)\w*\b[^\n]*?\s-p([^\s"'-][^\s"']{5,})/g, group: 1, generic: true },
  { kind: 'password', hints: [' -u', '\t-u', '--user'], pattern: /(?:^|\s)(?:-u|--user)[\s=]+["']?[^\s:"'$]+:([^\s"']{6,})/g, group: 1, generic: true },
  { kind: 'password', hints: ['net user'], pattern: /\bnet\s+user\s+\S+\s+([^\s/*"'][^\s"']{5,})/gi, group: 1, generic: true },
  { kind: 'password', hints: ['machine'], pattern: /\bmachine\s+\S+\s+login\s+\S+\s+password\s+(\S+)/g, group: 1, generic: true },
  {
    kind: 'password',
    hints: keywordHints,
    pattern: new RegExp(String.raw`(?:^|\s)--?${keyword}[\w-]{0,24}[ ]+["']?(${value8})`, 'gi'),
    group: 1,
    generic: true,
  },
  {
    kind: 'password',
    hints: keywordHints,
    // `password: …`, `DB_PASSWORD=…`, `"token" => "…"`, `**Password**: …`, `the password is …`,
    // and a YAML block scalar (`password: >-` with the value on the next line, joined).
    pattern: new RegExp(String.raw`${keyword}[\w-]{0,24}["'\`*]*\s*(?::=|=>|[:=]|\s(?:is|was)\s)\s*(?:[|>][-+]?\d?\s+)?["'\`*]*(${value8})`, 'gi'),
    group: 1,
    generic: true,
  },
  {
    kind: 'password',
    hints: ['pass', 'pwd', 'secret', 'token', 'api key'],
    // Prose, often hard-wrapped: `log in with the password Kx9!…`. With no `:` to go by, the
    // value must mix three kinds of character.
    pattern: new RegExp(String.raw`\b(?:password|passwd|passphrase|pwd|secret|token|api key)\s+(?:of\s+)?["'\`*]*(${value8})`, 'gi'),
    group: 1,
    generic: true,
    test: (v) => characterKinds(v) >= 3 && !/[=:]/.test(v),
  },
];
for (const d of detectors) if (d.group !== undefined) d.pattern = new RegExp(d.pattern.source, d.pattern.flags + 'd');

/**
 * Every hint, in one pattern matched against lower-cased text: a text without any of them
 * cannot hold a secret, and the hints it holds say which detectors to run.
 */
const hintList = [...new Set(detectors.flatMap((d) => d.hints))].sort((a, b) => b.length - a.length);
const gate = new RegExp(trie(hintList), 'g');
/** An alternation of words as a trie (`s(?:ecret|k-(?:ant-)?)`), which a regex engine runs faster than a flat list. */
function trie(words: readonly string[]): string {
  const byFirst = new Map<string, string[]>();
  for (const w of words) if (w !== '') byFirst.set(w[0]!, [...(byFirst.get(w[0]!) ?? []), w.slice(1)]);
  const branches = [...byFirst].map(([c, rest]) => c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&') + trie(rest));
  if (branches.length === 0) return '';
  const body = branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
  return words.includes('') ? `(?:${body})?` : body;
}
/** Which detectors a hint calls for, as bits (two 32-bit halves): its own, and those of every hint it begins with. */
const hintBits = new Map(
  hintList.map((hint) => {
    const bits = [0, 0];
    detectors.forEach((d, k) => {
      if (d.hints.some((h) => hint.startsWith(h))) bits[k >> 5]! |= 1 << (k & 31);
    });
    return [hint, bits] as const;
  }),
);
if (detectors.length > 64) throw new Error('secrets: more detectors than hint bits');

/** The detectors a set of bits stands for, in detector order. */
function detectorsOf(low: number, high: number): Detector[] {
  const chosen: Detector[] = [];
  if (low === 0 && high === 0) return chosen;
  for (let k = 0; k < detectors.length; k++) if (((k < 32 ? low : high) >>> (k & 31)) & 1) chosen.push(detectors[k]!);
  return chosen;
}

/** The detectors worth running on a text; empty when no hint appears. */
function detectorsFor(text: string): Detector[] {
  let low = 0;
  let high = 0;
  const lower = text.toLowerCase();
  gate.lastIndex = 0;
  for (let m = gate.exec(lower); m; m = gate.exec(lower)) {
    const bits = hintBits.get(m[0])!;
    low |= bits[0]!;
    high |= bits[1]!;
  }
  return detectorsOf(low, high);
}

/** A table cell that names a credential: `password`, `DB password`, `**API key**`, `Token:`. */
const keywordCell = /^[\s*_`"']*(?:[\w-]+[ _-])?(?:pass(?:word|wd|phrase)?|pwd|secret|token|api[ _-]?key|access[ _-]?key|client[ _-]?secret|credentials?)s?[\s*_`"':]*$/i;
const delimiterRow = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/** Values that stand for a secret without being one. */
function isPlaceholder(value: string): boolean {
  const interpolated = /^\$\{\w+:?[-=]([^}]*)\}$/.exec(value); // `${VAR:-default}`: the default is what counts
  if (interpolated) return interpolated[1] === '' || isPlaceholder(interpolated[1]!) || !looksRandom(interpolated[1]!);
  return (
    /^[<{[]|[>}\]]$|^%[\w.]+%$|^%\(|^\$\{[^}]*\}$|^\$\(/.test(value) ||
    (/^\$(?:env:)?[A-Za-z_]\w*$/.test(value) && isWordy(value.replace(/^\$(?:env:)?/, ''))) ||
    /^\*+$|^x+$|^\.+$/i.test(value) ||
    /\.\.\.|…|[()]/.test(value) || // truncated ("eyJhbGciOi...") or code ("(New-Guid).Guid")
    /example|placeholder|redacted|changeme|your[-_]?|dummy|sample|fake|not[-_]?real|password|secret|token|hunter2/i.test(value)
  );
}

/** Identifier-like parts: words, Capitalised, UPPER, camelCase, a word with a number, a version. */
const wordPart = /^(?:[a-z]+|[A-Z][a-z]+|[A-Z]+|[a-z]+(?:[A-Z][a-z]+)+|(?:[A-Z][a-z]+){2,})\d{0,4}$|^\d+$|^v?\d+(?:\.\d+)+$/;

/** Made of words and separators, like `get_me_from_vault`, `svc-dw-etl` or `kv/business-apps`. */
function isWordy(value: string): boolean {
  return value.split(/[-_./:@+~=, \\]+/).every((part) => part === '' || wordPart.test(part));
}

/** A file path (also from `$HOME/…`), a vault path, a URL or the rest of a URL's query (`authuser=1&project=ci`): where a secret is kept, or no secret at all. */
function isReference(value: string): boolean {
  return /^(?:[~.]{0,2}\/|[A-Za-z]:\\|\\\\|[a-z][a-z0-9+.-]*:\/\/|\$\{?[A-Za-z_]\w*\}?[/\\]|%\w+%\\)/.test(value) || (value.includes('/') && isWordy(value)) || /&[A-Za-z_]\w*=/.test(value);
}

/**
 * A Kubernetes-style resource name (`prometheus-k8s`, `prometheus-k8s-dockercfg-6wl6b`): lower
 * case, hyphenated, and mostly words, as `kubectl describe` and `oc create token <name>` show them.
 */
function isResourceName(value: string): boolean {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)+$/.test(value)) return false;
  const wordLetters = value
    .split('-')
    .filter((part) => /^[a-z]{3,}$/.test(part))
    .reduce((n, part) => n + part.length, 0);
  return wordLetters * 2 >= value.replace(/-/g, '').length;
}

function characterKinds(value: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(value)).length;
}

/** A bare word is not a password: a real one mixes kinds of character and is not made of words. */
function looksRandom(value: string): boolean {
  const kinds = characterKinds(value);
  if (!(kinds >= 3 || (kinds >= 2 && value.length >= 16))) return false;
  return !isWordy(value) && !isReference(value) && !isResourceName(value);
}

/** Base64 that decodes to readable text is judged by that text (`cGFzc3dvcmQ=` is "password"). */
function base64Text(value: string): string | undefined {
  if (value.length < 8 || value.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return undefined;
  try {
    const text = atob(value);
    return /^[\x20-\x7e\n\r\t]+$/.test(text) ? text.trim() : undefined;
  } catch {
    return undefined;
  }
}

function genericSecret(value: string): boolean {
  if (isPlaceholder(value) || !looksRandom(value)) return false;
  const text = base64Text(value);
  return text === undefined || (!isPlaceholder(text) && looksRandom(text));
}

/** `Basic …` is a secret when it decodes to `user:password` with a real password. */
function basicCredentials(value: string): boolean {
  const text = base64Text(value);
  const password = text?.slice(text.indexOf(':') + 1);
  return text !== undefined && text.includes(':') && password !== undefined && password.length >= 4 && !isPlaceholder(password);
}

export interface SecretFinding {
  /** 1-based line in the file where the secret begins. */
  line: number;
  /** 1-based column; approximate when the secret is written with escapes or in a decoded front matter string. */
  column: number;
  kind: string;
  /**
   * The secret itself, for `redactSecrets` only. Not enumerable, so printing or serialising a
   * finding never shows it; never put it in a message.
   */
  readonly value: string;
}

/** What kind of text is scanned, and what else to scan with it. */
export interface SecretScanOptions {
  /** `yaml` for front matter (comments are `# …`), `mdx` (the default) for a document body. */
  syntax?: 'mdx' | 'yaml';
  /** String values decoded from front matter (see `yamlStrings`), scanned as well. */
  strings?: readonly ScannedString[];
}

/**
 * The marker that says the next line holds a deliberate example. It counts only in a comment
 * on the line before: `{/* cairn-allow-secret *\/}` or `<!-- … -->` in a body, `# …` in front
 * matter, and any code comment (`# …`, `// …`, `/* …`, `-- …`, `; …`, `REM …`) in a code block.
 */
export const allowSecretMarker = 'cairn-allow-secret';

const markerComment = {
  mdx: /(?:\{\/\*|<!--).*cairn-allow-secret/,
  yaml: /(?:^|\s)#.*cairn-allow-secret/,
  code: /(?:^|\s)(?:#|\/\/|\/\*|--|;|%|<!--|\{\/\*|REM\s|::).*cairn-allow-secret/i,
};

/** Maps an index of a scanned text to a line index and 0-based column of the source. */
type Place = (index: number) => { line: number; col: number };
/** Whether a match counts, by the span of its value and of the whole match in the scanned text. */
type Accept = (detector: Detector, start: number, end: number, matchStart: number, matchEnd: number) => boolean;

const encodedAnywhere = new RegExp(maybeEncoded.source, 'g');

/** A value without the sentence's full stop, a closing tag, or a closing bracket it does not open. */
function trimValue(value: string): string {
  let v = value.replace(/(?:<\/?[A-Za-z][^<>]*>)+$/, '').replace(/[.:\\]+$/, '');
  while (/[)\]}]$/.test(v) && !/[([{]/.test(v)) v = v.slice(0, -1);
  return v;
}

interface Found {
  finding: SecretFinding;
  lineIndex: number;
  start: number;
  /** The line index and column just after its end (the next line's, when it was joined). */
  endLine: number;
  end: number;
  /** Found by a generic shape (a value after a keyword), which a specific shape may replace. */
  generic: boolean;
}

/** What a credential found in a table is reported as. */
const tableDetector: Detector = { kind: 'password', hints: [], pattern: /$^/, generic: true };

/**
 * Secrets in a text whose first line is line `firstLine` of its file: a document body (the
 * default) or front matter (`syntax: 'yaml'`, which only changes how the allow comment is
 * written). Each line is scanned as written and decoded, with the next line joined on, and
 * table rows cell by cell; `strings`, front matter values as YAML reads them, are scanned too.
 * Sorted by place; one finding per secret, under its most specific kind.
 */
export function findSecrets(text: string, firstLine = 1, options: SecretScanOptions = {}): SecretFinding[] {
  const syntax = options.syntax ?? 'mdx';
  const lines = text.split('\n');
  const found: Found[] = [];
  let inCode: boolean[] | undefined;

  const allowed = (lineIndex: number): boolean => {
    const before = lines[lineIndex - 1];
    if (before === undefined || !before.includes(allowSecretMarker)) return false;
    if (syntax === 'yaml') return markerComment.yaml.test(before);
    inCode ??= codeLines(lines);
    return (inCode[lineIndex - 1] ? markerComment.code : markerComment.mdx).test(before);
  };

  /** The findings a span (its start line and column, its end line and column) overlaps. */
  const overlapping = (line: number, start: number, endLine: number, end: number) =>
    found.filter((f) => {
      const a = [f.lineIndex, f.start, f.endLine, f.end];
      const b = [line, start, endLine, end];
      const before = (x: number[], y: number[]) => x[2]! < y[0]! || (x[2] === y[0] && x[3]! <= y[1]!);
      return !before(a, b) && !before(b, a);
    });

  const record = (detector: Detector, value: string, from: { line: number; col: number }, to: { line: number; col: number }) => {
    const kind = detector.kind;
    if (found.some((f) => f.finding.value === value && f.lineIndex === from.line)) return;
    const clashes = overlapping(from.line, from.col, to.line, to.col + 1);
    // A token's own kind says more than `password`, and a value joined from two lines is more
    // of the secret than its first half: either replaces what it overlaps.
    const generic = detector.generic === true;
    const weaker = (f: Found) => (f.generic && !generic) || (f.generic === generic && value.length > f.finding.value.length && value.includes(f.finding.value));
    if (!clashes.every(weaker)) return;
    if (allowed(from.line)) return;
    for (const f of clashes) found.splice(found.indexOf(f), 1);
    const finding = { line: firstLine + from.line, column: from.col + 1, kind } as SecretFinding;
    Object.defineProperty(finding, 'value', { value, enumerable: false });
    found.push({ finding, lineIndex: from.line, start: from.col, endLine: to.line, end: to.col + 1, generic: detector.generic === true });
  };

  /** Runs every detector on `scanned`; `accept` can refuse a match by its value's and its whole span. */
  const scan = (scanned: string, place: Place, accept: Accept = () => true, chosen = detectorsFor(scanned)) => {
    for (const detector of chosen) {
      const pattern = detector.pattern;
      pattern.lastIndex = 0;
      for (let match = pattern.exec(scanned); match; match = pattern.exec(scanned)) {
        if (match[0].length === 0) pattern.lastIndex++;
        const [start, matchEnd] = detector.group !== undefined ? match.indices![detector.group]! : [match.index, match.index + match[0].length];
        const value = detector.generic ? trimValue(scanned.slice(start, matchEnd)) : scanned.slice(start, matchEnd);
        if (value.length === 0) continue;
        if (detector.kind !== 'private key' && isPlaceholder(value)) continue;
        if (detector.generic && !genericSecret(value)) continue;
        if (detector.test && !detector.test(value)) continue;
        if (!accept(detector, start, start + value.length, match.index, match.index + match[0].length)) continue;
        record(detector, value, place(start), place(start + value.length - 1));
      }
    }
  };

  // Lines worth a look: a hint in the raw text, or in the decoded text of an encoded line.
  const decoded = new Map<number, DecodedLine>();
  // For each line, the detectors its hints call for, as bits; a line with none is not looked at.
  const low = new Int32Array(lines.length);
  const high = new Int32Array(lines.length);
  eachMatch(text.toLowerCase(), gate, (i, hint) => {
    const bits = hintBits.get(hint)!;
    low[i]! |= bits[0]!;
    high[i]! |= bits[1]!;
    return false;
  });
  eachMatch(text, encodedAnywhere, (i) => {
    const d = decodeLine(lines[i]!);
    if (d) decoded.set(i, d);
    return true;
  });
  /** A line as it reads once decoded, with the way back to its source columns. */
  const best = (i: number): { text: string; place: Place } => {
    const d = decoded.get(i);
    if (d) return { text: d.text, place: (k) => ({ line: i, col: d.at[Math.min(k, d.at.length - 1)]! }) };
    return { text: lines[i]!, place: (k) => ({ line: i, col: k }) };
  };

  const ordered: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const d = decoded.get(i);
    const chosen = d ? detectorsFor(d.text) : [];
    if (low[i] === 0 && high[i] === 0 && chosen.length === 0) continue;
    ordered.push(i);
    const line = lines[i]!;
    scan(line, (k) => ({ line: i, col: k }), undefined, detectorsOf(low[i]!, high[i]!));
    if (d) scan(d.text, (k) => ({ line: i, col: d.at[k]! }), undefined, chosen);
    if (line.includes('|')) tableSecrets(i);
  }
  // A value broken over two lines, joined as is (a token cut in two; a trailing `\` dropped)
  // and with a space (a hard-wrapped paragraph, a folded YAML value). Only what crosses the
  // join counts: the rest was seen on its own line. Joined as is, a password (a generic
  // shape) counts only after an explicit `\`, or any short value would run into the next line.
  for (const i of ordered) {
    if (i + 1 >= lines.length) continue;
    const first = best(i);
    const second = best(i + 1);
    const trimmed = first.text.trimEnd();
    const continued = trimmed.endsWith('\\');
    const head = continued ? trimmed.slice(0, -1) : trimmed;
    const indent = second.text.length - second.text.trimStart().length;
    const tail = second.text.slice(indent);
    if (head.trim() === '' || tail === '') continue;
    // What crosses the join starts near it: in the last word (a token), or within a keyword's
    // reach of the end (`password:`, `Bearer`). Only detectors with a hint there can match.
    const near = detectorsFor(head.slice(-48));
    const cut = (continued ? near : detectorsFor(lastWord(head))).filter((d) => continued || !d.generic);
    for (const [glue, chosen] of [
      ['', cut],
      [' ', near],
    ] as const) {
      if (chosen.length === 0) continue;
      const joined = head + glue + tail;
      const place: Place = (k) => (k < head.length ? first.place(k) : second.place(Math.max(0, k - head.length - glue.length) + indent));
      const crosses: Accept = (_detector, start, end, matchStart, matchEnd) => (glue === '' ? start < head.length && end > head.length : matchStart < head.length && matchEnd > head.length + 1);
      scan(joined, place, crosses, chosen);
    }
  }
  // Front matter strings as YAML reads them (escapes, folded lines), reported at their start.
  for (const s of options.strings ?? []) {
    const value = s.value.replace(/\n/g, ' ');
    const scanned = s.key ? `${s.key}: ${value}` : value;
    const known = found.flatMap((f) => [f.finding.value, decodeLine(f.finding.value)?.text ?? f.finding.value]);
    scan(
      scanned,
      () => ({ line: s.line - firstLine, col: s.column - 1 }),
      (_detector, start, end) => {
        const v = scanned.slice(start, end);
        return !known.some((k) => k.includes(v) || v.includes(k));
      },
    );
  }
  return found.map((f) => f.finding).sort((a, b) => a.line - b.line || a.column - b.column);

  /** A credential in a table: a `password` cell and the cell after it, or a `password` column. */
  function tableSecrets(i: number): void {
    const row = best(i);
    const cells = splitCells(row.text);
    cells.forEach((cell, c) => {
      const next = cells[c + 1];
      if (next && keywordCell.test(cell.text)) cellSecret(next, row.place);
    });
    if (i + 1 < lines.length && delimiterRow.test(lines[i + 1]!)) {
      const columns = cells.flatMap((cell, c) => (keywordCell.test(cell.text) ? [c] : []));
      for (let r = i + 2; columns.length > 0 && r < lines.length && lines[r]!.includes('|'); r++) {
        const body = best(r);
        const bodyCells = splitCells(body.text);
        for (const c of columns) if (bodyCells[c]) cellSecret(bodyCells[c], body.place);
      }
    }
  }

  function cellSecret(cell: { text: string; start: number }, place: Place): void {
    const inner = /^[\s*_`"']*(\S+?)[\s*_`"']*$/.exec(cell.text);
    if (!inner || inner[1]!.length < 8) return;
    const value = inner[1]!;
    if (!genericSecret(value)) return;
    const start = cell.start + cell.text.indexOf(value);
    record(tableDetector, value, place(start), place(start + value.length - 1));
  }
}

/** Secrets in front matter: its lines, and its string values as YAML decodes them. */
export function findFrontMatterSecrets(yaml: string, firstLine = 1): SecretFinding[] {
  // Only escapes in double-quoted strings make a value differ from its text in ways the line
  // scan may not undo; and a value can hold a secret only where the text holds a hint.
  const worthParsing = /"[^"\n]*\\/.test(yaml) && detectorsFor(decodeLine(yaml)?.text ?? yaml).length > 0;
  const strings = worthParsing ? yamlStrings(yaml, firstLine) : [];
  return findSecrets(yaml, firstLine, { syntax: 'yaml', strings });
}

/**
 * A message with every found secret taken out: the whole value and any part of it eight
 * characters or longer (as another message might quote a URL or a line holding it), also in
 * its URL-encoded and HTML-escaped forms, becomes `[secret]`.
 */
export function redactSecrets(message: string, findings: readonly SecretFinding[]): string {
  const hidden = new Uint8Array(message.length);
  for (const { value } of findings) {
    if (!value) continue;
    const forms = new Set([
      value,
      encodeURIComponent(value),
      encodeURI(value),
      value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'),
      JSON.stringify(value).slice(1, -1),
    ]);
    for (const form of forms) {
      if (form.length < 8) {
        if (form.length < 4) continue;
        for (let at = message.indexOf(form); at !== -1; at = message.indexOf(form, at + 1)) hidden.fill(1, at, at + form.length);
        continue;
      }
      for (let i = 0; i + 8 <= message.length; i++) {
        if (!form.includes(message.slice(i, i + 8))) continue;
        let end = i + 8;
        while (end < message.length && form.includes(message.slice(i, end + 1))) end++;
        hidden.fill(1, i, end);
      }
    }
  }
  let out = '';
  for (let i = 0; i < message.length; i++) {
    if (!hidden[i]) out += message[i];
    else if (!hidden[i - 1] || i === 0) out += '[secret]';
  }
  return out;
}

/** Calls `each` with the line index of every match of `pattern` (global); `true` skips the rest of that line. */
function eachMatch(text: string, pattern: RegExp, each: (lineIndex: number, match: string) => boolean): void {
  pattern.lastIndex = 0;
  let line = 0;
  let lineStart = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    for (let nl = text.indexOf('\n', lineStart); nl !== -1 && nl < m.index; nl = text.indexOf('\n', lineStart)) {
      line++;
      lineStart = nl + 1;
    }
    if (each(line, m[0])) {
      const next = text.indexOf('\n', m.index);
      if (next === -1) break;
      pattern.lastIndex = next;
    }
  }
}

/** The text after the last space or tab. */
function lastWord(text: string): string {
  let i = text.length;
  while (i > 0 && text[i - 1] !== ' ' && text[i - 1] !== '\t') i--;
  return text.slice(i);
}

/** Which lines are inside fenced code blocks (the fences themselves are not). */
function codeLines(lines: readonly string[]): boolean[] {
  const inside: boolean[] = [];
  let fence: string | undefined;
  for (const line of lines) {
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence === undefined) {
      inside.push(false);
      if (open) fence = open[1]!;
    } else if (open && open[1]![0] === fence[0] && open[1]!.length >= fence.length && line.trim() === open[1]) {
      inside.push(false);
      fence = undefined;
    } else inside.push(true);
  }
  return inside;
}

/** The cells of a table row, with where each starts; `\|` does not split. */
function splitCells(row: string): { text: string; start: number }[] {
  const cells: { text: string; start: number }[] = [];
  let start = 0;
  for (let i = 0; i <= row.length; i++) {
    if (i === row.length || (row[i] === '|' && row[i - 1] !== '\\')) {
      cells.push({ text: row.slice(start, i), start });
      start = i + 1;
    }
  }
  return cells;
}
