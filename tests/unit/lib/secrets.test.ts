import { describe, expect, it } from 'vitest';
import { findSecrets } from '../../../src/lib/secrets.ts';

// Built from parts so this file does not itself look like a leak to other scanners.
const j = (...parts: string[]) => parts.join('');
const pasted: [kind: string, line: string][] = [
  ['private key', j('-----BEGIN OPENSSH ', 'PRIVATE KEY-----')],
  ['AWS access key ID', j('aws_access_key_id = AKIA', 'Z7QW3RTY5UIO9PLK')],
  ['AWS secret access key', j('aws_secret_access_key: wJalrXUtnFEMI/K7MDENG/', 'bPxRfiCYzQ7RMPLEKE')],
  ['GitHub token', j('export GH=ghp_', 'a8Kd02LmQx7vPz3NcR5tY1uW9eB4hJ6fG0sZ')],
  ['Slack token', j('xoxb-', '2231-99812-Kq8wPz3LmN7v')],
  ['Slack webhook URL', j('https://hooks.slack.com/services/', 'T0A1B2C3D/B9Z8Y7X6W/Qp4Lm8Kz2Rt6Vx0Nb3Hj')],
  ['Stripe secret key', j('sk_live_', '51HqLm2Kp8Zx4Vb7Nc9Rt3Yw')],
  ['Google API key', j('AIza', 'SyD4k9Lm2Qp8Zx3Vb7Nc1Rt5Yw0Hj6Fg2Sa')],
  ['JSON web token', j('Authorization: Bearer eyJhbGciOiJIUzI1NiJ9', '.eyJzdWIiOiJzdmMtd21zIn0.Qm9vbWJhc3RpY2FsbHlTaWduZWQ')],
  ['password in a connection string', j('psql postgres://wms_app:T4ng0', '-Fox!92@wms-db-01.leeds.kestrel.internal/wms')],
  ['password', j('DB_PASSWORD=Kx9', '!mQ2v#Lp7')],
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

describe('pasted secrets', () => {
  it.each(pasted)('finds a %s', (kind, line) => {
    expect(findSecrets(line).map((f) => f.kind)).toEqual([kind]);
  });

  it('leaves harmless look-alikes alone', () => {
    expect(lookAlikes.flatMap((line) => findSecrets(line).map((f) => `${f.kind}: ${line}`))).toEqual([]);
  });

  it('reports the place, offset to the file, and honours the allow marker', () => {
    const text = ['intro', `use ${pasted[3]![1]}`, '{/* cairn-allow-secret: a revoked token kept as an example */}', pasted[3]![1]].join('\n');
    expect(findSecrets(text, 10)).toEqual([{ line: 11, column: 15, kind: 'GitHub token' }]);
  });
});
