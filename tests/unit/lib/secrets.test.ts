import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { yamlStrings } from '../../../src/lib/secret-decode.ts';
import { allowSecretMarker, findFrontMatterSecrets, findSecrets, redactSecrets, type SecretFinding } from '../../../src/lib/secrets.ts';

// Built from parts so this file does not itself look like a leak to other scanners.
const j = (...parts: string[]) => parts.join('');
const pasted: [kind: string, line: string][] = [
  ['private key', j('-----BEGIN OPENSSH ', 'PRIVATE KEY-----')],
  ['AWS access key ID', j('aws_access_key_id = AKIA', 'Z7QW3RTY5UIO9PLK')],
  ['AWS secret access key', j('aws_secret_access_key: wJalrXUtnFEMI/K7MDENG/', 'bPxRfiCYzQ7RMPLEKE')],
  ['GitHub token', j('export GH=ghp_', 'a8Kd02LmQx7vPz3NcR5tY1uW9eB4hJ6fG0sZ')],
  ['Slack token', j('xoxb-', '2231-99812-Kq8wPz3LmN7v')],
  ['Slack token', j('SLACK_APP_TOKEN=xapp-1-', 'A0123ABCDEF-4567890123456-0a1b2c3d4e5f60718293a4b5c6d7e8f9')],
  ['Slack webhook URL', j('https://hooks.slack.com/services/', 'T0A1B2C3D/B9Z8Y7X6W/Qp4Lm8Kz2Rt6Vx0Nb3Hj')],
  ['Stripe secret key', j('sk_live_', '51HqLm2Kp8Zx4Vb7Nc9Rt3Yw')],
  ['Google API key', j('AIza', 'SyD4k9Lm2Qp8Zx3Vb7Nc1Rt5Yw0Hj6Fg2Sa')],
  ['npm token', j('//registry.npmjs.org/:_authToken=npm_', 'a8Kd02LmQx7vPz3NcR5tY1uW9eB4hJ6fG0sZ')],
  ['OpenAI API key', j('OPENAI_API_KEY=sk-proj-', 'a8Kd02LmQx7vPz3NcR5tY1uW9eB4hJ6fG0sZQ4r6S8t0V2w4')],
  ['OpenAI API key', j('key = "sk-', 'a8Kd02LmQx7vPz3NcR5tY1uW9eB4hJ6fG0sZQ4r6S8t0V2w"')],
  ['JSON web token', j('Authorization: Bearer eyJhbGciOiJIUzI1NiJ9', '.eyJzdWIiOiJzdmMtd21zIn0.Qm9vbWJhc3RpY2FsbHlTaWduZWQ')],
  ['password in a connection string', j('psql postgres://wms_app:T4ng0', '-Fox!92@wms-db-01.leeds.kestrel.internal/wms')],
  ['password', j('DB_PASSWORD=Kx9', '!mQ2v#Lp7')],
  ['password', j('password: $Up3r', 'S3cret!x')],
];
const lookAlikes = [
  'psql postgres://wms_app:<password>@wms-db-01/wms',
  'password: ${DB_PASSWORD}',
  'The example key AKIAIOSFODNN7EXAMPLE from the AWS documentation',
  'token: ********',
  'Password: ask the on-call lead, it is in Vault under kv/platform/db',
  'commit 3f2c9a1b7d4e8a6c5b0f9e1d2c3b4a5f6e7d8c9b fixed it',
  'the passwords expired on 21 January; the password policy says 90 days',
  'curl -H "Authorization: Bearer $TOKEN" https://api.example/v2',
  'kubectl get secret pgbouncer -o yaml',
  'secret: see Vault kv/platform/db/pg-shared-01',
  'https://portal.kestrel.example/account/reset?token=eyJhbGciOi...',
  '$pw = @{ Password = (New-Guid).Guid + "!Kf" }',
];

const found = (text: string, firstLine = 1) => findSecrets(text, firstLine).map((f) => `${f.line}:${f.kind}`);

describe('pasted secrets', () => {
  it.each(pasted)('finds a %s', (kind, line) => {
    expect(findSecrets(line).map((f) => f.kind)).toEqual([kind]);
  });

  it('leaves harmless look-alikes alone', () => {
    expect(lookAlikes.flatMap((line) => findSecrets(line).map((f) => `${f.kind}: ${line}`))).toEqual([]);
  });

  it('reports the place, offset to the file', () => {
    const text = ['intro', `use ${pasted[3]![1]}`].join('\n');
    expect(findSecrets(text, 10)).toEqual([{ line: 11, column: 15, kind: 'GitHub token' }]);
  });
});

/** The labelled set: `#> kind (front matter) (line +N)`, the case's lines, a blank line. */
const realText = readFileSync(new URL('../../fixtures/secrets/real.txt', import.meta.url), 'utf8');
const realCases = realText
  .split('\n')
  .flatMap((line, i) => (line.startsWith('#> ') ? [i] : []))
  .map((labelIndex) => {
    const label = realText.split('\n')[labelIndex]!;
    const lines = realText.split('\n').slice(labelIndex + 1);
    const body = lines.slice(0, lines.indexOf('')).join('\n');
    const at = Number(/\(line \+(\d+)\)/.exec(label)?.[1] ?? 0);
    return {
      name: `${label.slice(3)}: ${body.split('\n')[at]!.slice(0, 24)}…`,
      kind: label.slice(3).replace(/ \(.*$/, ''),
      frontMatter: label.includes('(front matter)'),
      body,
      /** 1-based line of the secret in real.txt. */
      line: labelIndex + 2 + at,
      at,
    };
  });
const ordinaryText = readFileSync(new URL('../../fixtures/secrets/ordinary.txt', import.meta.url), 'utf8');

describe('the labelled set', () => {
  it('has the cases it should', () => {
    expect(realCases.length).toBeGreaterThanOrEqual(60);
    expect(ordinaryText.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#')).length).toBeGreaterThanOrEqual(40);
  });

  it.each(realCases)('finds $name', ({ kind, frontMatter, body, at }) => {
    const findings = frontMatter ? findFrontMatterSecrets(body, 1) : findSecrets(body, 1);
    expect(findings.map((f) => `${f.line}:${f.kind}`)).toEqual([`${at + 1}:${kind}`]);
  });

  it('finds every one, on its line, when the whole file is scanned at once', () => {
    const expected = realCases.map((c) => `${c.line}:${c.kind}`);
    expect(found(realText)).toEqual(expected);
  });

  it('flags no ordinary line, on its own or in the whole file, in a body or in front matter', () => {
    const flagged = ordinaryText.split('\n').flatMap((line) => [...findSecrets(line), ...findFrontMatterSecrets(line)].map((f) => `${f.kind}: ${line}`));
    expect(flagged).toEqual([]);
    expect(found(ordinaryText)).toEqual([]);
    expect(findFrontMatterSecrets(ordinaryText).map((f) => `${f.line}:${f.kind}`)).toEqual([]);
  });

  it('stays quiet on the three lines the security review flagged', () => {
    for (const line of ['secret: kv/business-apps/svc-dw-etl', 'pwd: /srv/app/releases', '"token": "get_me_from_vault"']) {
      expect(found(line)).toEqual([]);
      expect(findFrontMatterSecrets(line)).toEqual([]);
    }
  });
});

describe('secrets however they are written', () => {
  const key = j('AKIA', 'Z7QW3RTY5UIO9PLK');
  const token = j('ghp_', 'a8Kd02LmQx7vPz3NcR5tY1uW9eB4hJ6fG0sZ');
  const password = j('Kx9!', 'mQ2v#Lp7');

  it('decodes HTML character references', () => {
    expect(found(`key id: &#x41;${key.slice(1)}`)).toEqual(['1:AWS access key ID']);
    expect(found(`key id: &#65;&#75;${key.slice(2)}`)).toEqual(['1:AWS access key ID']);
    expect(found(`password&colon; ${password.replace('!', '&excl;').replace('#', '&num;')}`)).toEqual(['1:password']);
    expect(found(`password: Pq7&lt;Rz2&gt;Wm9v`)).toEqual(['1:password']);
  });

  it('reports a decoded secret where its source text begins', () => {
    expect(findSecrets(`intro\nkey id: &#x41;${key.slice(1)}`, 5)).toEqual([{ line: 6, column: 9, kind: 'AWS access key ID' }]);
  });

  it('decodes YAML double-quoted escapes, on the line and in parsed string values', () => {
    expect(findFrontMatterSecrets(`title: Access\naws_key: "\\x41${key.slice(1)}"`, 2).map((f) => `${f.line}:${f.kind}`)).toEqual(['3:AWS access key ID']);
    expect(findFrontMatterSecrets(`deploy: "\\u0067${token.slice(1)}"`, 2).map((f) => `${f.line}:${f.kind}`)).toEqual(['2:GitHub token']);
    // A double-quoted value broken with an escaped line break reads as one word.
    const broken = `title: Access\nsmtp_password: "${password.slice(0, 6)}\\\n  ${password.slice(6)}"`;
    expect(findFrontMatterSecrets(broken, 2).map((f) => `${f.line}:${f.kind}`)).toEqual(['3:password']);
  });

  it('scans string values the loader hands over, reported at their place', () => {
    const strings = [{ value: `${token}`, line: 4, column: 9, key: 'deploy' }];
    expect(findSecrets('title: Access', 2, { syntax: 'yaml', strings })).toEqual([{ line: 4, column: 9, kind: 'GitHub token' }]);
    // A value already found on its line is not reported twice.
    expect(findSecrets(`deploy: ${token}`, 4, { syntax: 'yaml', strings })).toHaveLength(1);
  });

  it('joins a value broken over two lines, and reports it on the first', () => {
    expect(found(`intro\nexport GH=${token.slice(0, 20)}\\\n  ${token.slice(20)}`)).toEqual(['2:GitHub token']);
    expect(found(`refresh:\n  ${token.slice(0, 20)}\n  ${token.slice(20)}`)).toEqual(['2:GitHub token']);
    expect(findFrontMatterSecrets(`db:\n  password: >-\n    ${password}`).map((f) => `${f.line}:${f.kind}`)).toEqual(['3:password']);
    expect(found(`Log in as svc-dw-etl with the password\n${password} and rotate it after.`)).toEqual(['2:password']);
    expect(found(`The break-glass password is\n${password} (in the safe).`)).toEqual(['2:password']);
  });

  it('does not run a short value into the next line', () => {
    expect(found('token: abc123\nnext: foo\npassword: Kx9\nRotate it monthly\npwd: /srv\nRelease42 done')).toEqual([]);
  });

  it('reads table cells: a credential cell and the one after it, and a credential column', () => {
    expect(found(`| password | ${password} |`)).toEqual(['1:password']);
    expect(found(`| DB password | \`${password}\` | rotated monthly |`)).toEqual(['1:password']);
    expect(found(`| account | password |\n| --- | --- |\n| svc-dw-etl | ${password} |\n| svc-print | in Vault |`)).toEqual(['3:password']);
  });

  it('tells `$…` passwords from `$VAR` placeholders', () => {
    expect(found('password: $Up3rS3cret!x')).toEqual(['1:password']);
    expect(found('password: $Up3rS3cret')).toEqual(['1:password']);
    for (const placeholder of ['password: $DB_PASSWORD', 'password: ${DB_PASSWORD}', 'password: $(vault read -field=pw kv/db)', 'password: %DB_PASSWORD%', 'password: {{ .Values.db.password }}']) {
      expect(found(placeholder)).toEqual([]);
    }
    expect(found(`password: \${DB_PASSWORD:-${password}}`)).toEqual(['1:password']);
  });

  it('finds an invisible character inside a key', () => {
    expect(found(`id: ${key.slice(0, 4)}\u200b${key.slice(4)}`)).toEqual(['1:AWS access key ID']);
  });
});

describe('the allow marker', () => {
  const key = j('AKIA', 'Z7QW3RTY5UIO9PLK');
  const token = j('ghp_', 'a8Kd02LmQx7vPz3NcR5tY1uW9eB4hJ6fG0sZ');

  it('counts in a comment on the line before', () => {
    expect(found(`{/* ${allowSecretMarker}: a revoked key kept as an example */}\nExample only: ${key}`)).toEqual([]);
    expect(found(`<!-- ${allowSecretMarker} -->\nExample only: ${key}`)).toEqual([]);
    expect(findFrontMatterSecrets(`# ${allowSecretMarker}: revoked\nexample_key: ${key}`)).toEqual([]);
    expect(findFrontMatterSecrets(`title: Keys # ${allowSecretMarker}\nexample_key: ${key}`)).toEqual([]);
    expect(found(`\`\`\`sh\n# ${allowSecretMarker}: revoked\nexport GH=${token}\n\`\`\``)).toEqual([]);
    expect(found(`\`\`\`js\n// ${allowSecretMarker}\nconst gh = '${token}';\n\`\`\``)).toEqual([]);
  });

  it('does not count on the line itself, further up, or outside a comment', () => {
    expect(found(`Example only: ${key} {/* ${allowSecretMarker} */}`)).toEqual(['1:AWS access key ID']);
    expect(found(`Example only: ${key} # ${allowSecretMarker}`)).toEqual(['1:AWS access key ID']);
    expect(findFrontMatterSecrets(`example_key: ${key} # ${allowSecretMarker}`).map((f) => f.line)).toEqual([1]);
    expect(found(`{/* ${allowSecretMarker} */}\n\nExample only: ${key}`)).toEqual(['3:AWS access key ID']);
    expect(found(`Add ${allowSecretMarker} to keep an example.\nExample only: ${key}`)).toEqual(['2:AWS access key ID']);
    // Outside a code block, `#` starts a heading and `//` is text, not a comment.
    expect(found(`# ${allowSecretMarker}\nExample only: ${key}`)).toEqual(['2:AWS access key ID']);
    expect(found(`// ${allowSecretMarker}\nExample only: ${key}`)).toEqual(['2:AWS access key ID']);
    // The fence line is not inside the block.
    expect(found(`{/* ${allowSecretMarker} */}\n\`\`\`sh\nexport GH=${token}\n\`\`\``)).toEqual(['3:GitHub token']);
  });

  it('covers only the next line', () => {
    expect(found(`{/* ${allowSecretMarker} */}\nExample only: ${key}\nAnd again: ${key}`)).toEqual(['3:AWS access key ID']);
  });
});

describe('never quoting a secret', () => {
  const all: SecretFinding[] = realCases.flatMap((c) => (c.frontMatter ? findFrontMatterSecrets(c.body, 1) : findSecrets(c.body, 1)));
  /** The loader's message, built only from the place and the kind. */
  const message = (f: SecretFinding) =>
    `this looks like a ${f.kind}; remove it and have it revoked (it stays in git history once pushed). If it is a harmless example, put ${allowSecretMarker} in a comment on the line before`;

  it('keeps the secret on the finding for redaction, hidden from printing and serialising', () => {
    expect(all).toHaveLength(realCases.length);
    for (const f of all) {
      expect(f.value.length).toBeGreaterThanOrEqual(8);
      expect(Object.keys(f)).toEqual(['line', 'column', 'kind']);
      for (const shown of [f.kind, message(f), JSON.stringify(f), inspect(f), String(f)]) expect(shown).not.toContain(f.value);
    }
  });

  it('redacts whole values and long fragments from another message', () => {
    for (const [i, c] of realCases.entries()) {
      const f = all[i]!;
      const source = c.body.split('\n')[c.at]!;
      const other = `unsafe link in \`${source}\`; and again ${f.value.slice(2, 14)}`;
      const redacted = redactSecrets(other, [f]);
      expect(redacted).toContain('[secret]');
      for (let k = 0; k + 8 <= f.value.length; k++) expect(redacted).not.toContain(f.value.slice(k, k + 8));
    }
  });

  it('leaves the rest of a message alone', () => {
    const [f] = findSecrets(j('psql postgres://wms_app:T4ng0', '-Fox!92@wms-db-01/wms'));
    expect(redactSecrets(j('link postgres://wms_app:T4ng0', '-Fox!92@wms-db-01/wms is not allowed'), [f!])).toBe('link postgres://wms_app:[secret]@wms-db-01/wms is not allowed');
    expect(redactSecrets('nothing to hide here', [f!])).toBe('nothing to hide here');
    expect(redactSecrets('nothing to hide here', [])).toBe('nothing to hide here');
  });
});

describe('front matter strings', () => {
  it('are decoded by the YAML parser, with their place and key', () => {
    expect(yamlStrings('title: "A\\x41"\nlist:\n  - "b\\u0042"\nnested:\n  deploy: >-\n    one\n    two', 2)).toEqual([
      { value: 'AA', line: 2, column: 8, key: 'title' },
      { value: 'bB', line: 4, column: 5, key: 'list' },
      { value: 'one two', line: 6, column: 11, key: 'deploy' },
    ]);
    expect(yamlStrings('key: [unclosed', 1).length).toBeGreaterThan(0);
  });
});
