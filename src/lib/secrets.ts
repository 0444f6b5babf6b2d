/**
 * Credentials pasted into content. Each detector names a kind of secret and matches its
 * distinctive shape; placeholders (`<password>`, `${TOKEN}`, `****`, `example`) are not
 * secrets. Matches are reported by kind and place only: the secret itself is never printed.
 */
interface Detector {
  kind: string;
  pattern: RegExp;
  /** Which capture group holds the secret part, when only part of the match is secret. */
  group?: number;
}

const detectors: Detector[] = [
  { kind: 'private key', pattern: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY(?: BLOCK)?-----/g },
  { kind: 'AWS access key ID', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g },
  { kind: 'AWS secret access key', pattern: /aws_?secret_?access_?key["']?\s*[:=]\s*["']?([A-Za-z0-9/+=]{40})\b/gi, group: 1 },
  { kind: 'GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})\b/g },
  { kind: 'GitLab token', pattern: /\bglpat-[A-Za-z0-9_-]{20,}\b/g },
  { kind: 'Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/g },
  { kind: 'Slack webhook URL', pattern: /https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]{16,}/g },
  { kind: 'Stripe secret key', pattern: /\b[sr]k_live_[A-Za-z0-9]{20,}\b/g },
  { kind: 'Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g },
  { kind: 'Azure storage account key', pattern: /AccountKey=([A-Za-z0-9+/]{80,}={0,2})/g, group: 1 },
  { kind: 'JSON web token', pattern: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/g },
  { kind: 'password in a connection string', pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@'"<>]+:([^\s@/'"]+)@[\w.-]+/gi, group: 1 },
  { kind: 'password', pattern: /(?<![A-Za-z])(?:password|passwd|pwd|secret|api_?key|token)["']?\s*[:=]\s*["']?([^\s"'`<>,;]{8,})/gi, group: 1 },
];

/** Values that stand for a secret without being one. */
function isPlaceholder(value: string): boolean {
  return (
    /^[<{[$%]|[>}\]]$/.test(value) ||
    /^\*+$|^x+$|^\.+$/i.test(value) ||
    /\.\.\.|…|[()]/.test(value) || // truncated ("eyJhbGciOi...") or code ("(New-Guid).Guid")
    /example|placeholder|redacted|changeme|your[-_]?|dummy|sample|fake|not[-_]?real|password|secret|token|hunter2/i.test(value) ||
    /^\$\{?[A-Z_][A-Z0-9_]*\}?$/.test(value)
  );
}

/** A bare word is not a password: a real one mixes kinds of character. */
function looksRandom(value: string): boolean {
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(value)).length;
  return kinds >= 3 || (kinds >= 2 && value.length >= 16);
}

export interface SecretFinding {
  line: number;
  column: number;
  kind: string;
}

/** The marker that says a line holds a deliberate example (on that line or the one before). */
export const allowSecretMarker = 'cairn-allow-secret';

/** Secrets in a text whose first line is line `firstLine` of its file. */
export function findSecrets(text: string, firstLine = 1): SecretFinding[] {
  const lines = text.split('\n');
  const findings: SecretFinding[] = [];
  lines.forEach((line, i) => {
    if (line.includes(allowSecretMarker) || lines[i - 1]?.includes(allowSecretMarker)) return;
    const taken: number[] = [];
    for (const { kind, pattern, group } of detectors) {
      for (const match of line.matchAll(pattern)) {
        const value = group ? match[group]! : match[0];
        if (kind !== 'private key' && isPlaceholder(value)) continue;
        if (group && !looksRandom(value)) continue;
        const column = match.index + (group ? match[0].indexOf(value) : 0) + 1;
        if (taken.some((c) => Math.abs(c - column) < 8)) continue; // one finding per secret
        taken.push(column);
        findings.push({ line: firstLine + i, column, kind });
      }
    }
  });
  return findings;
}
