import { describe, expect, it } from 'vitest';
import { httpUrl } from '../../../src/schemas/http-url.ts';
import { teamSchema } from '../../../src/collections/teams.ts';

const team = (on_call: string) => ({
  id: 'service-desk',
  name: 'Service desk',
  summary: 'First line for every question.',
  kind: 'it-support',
  channel: '#service-desk',
  on_call,
  github_team: '@org/service-desk',
});

describe('web addresses in schemas', () => {
  it('accepts only http and https, whatever the case or spacing of the scheme', () => {
    const url = httpUrl();
    expect(['https://oncall.example.com/a', 'http://git.internal:8080/kb', 'HTTPS://EXAMPLE.COM/'].map((v) => url.safeParse(v).success)).toEqual([true, true, true]);
    const refused = [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      '//evil.example/',
      'https:',
      'oncall',
    ];
    expect(refused.filter((v) => url.safeParse(v).success)).toEqual([]);
  });

  it('refuses a team on-call link that would run script when clicked', () => {
    expect(teamSchema.safeParse(team('https://oncall.example.com/schedules/service-desk')).success).toBe(true);
    expect(teamSchema.safeParse(team('javascript:alert(document.cookie)')).error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['on_call', 'expected a web address starting with https:// (or http://), e.g. https://oncall.example.com/schedules/service-desk'],
    ]);
  });
});
