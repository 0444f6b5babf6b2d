import { describe, expect, it } from 'vitest';
import { formatLink } from '../../../src/lib/link-formats.ts';

describe('copy link formats', () => {
  const url = 'https://kb.example/go/RB-0012/#verify';
  it('writes each format', () => {
    expect(formatLink('url', url, 'RB-0012 Restart the gateway')).toBe(url);
    expect(formatLink('markdown', url, 'RB-0012 Restart the gateway')).toBe('[RB-0012 Restart the gateway](https://kb.example/go/RB-0012/#verify)');
    expect(formatLink('jira', url, 'RB-0012 Restart the gateway')).toBe('[RB-0012 Restart the gateway|https://kb.example/go/RB-0012/#verify]');
    expect(formatLink('html', url, 'RB-0012 Restart the gateway')).toBe('<a href="https://kb.example/go/RB-0012/#verify">RB-0012 Restart the gateway</a>');
  });
  it('escapes what would break each format', () => {
    expect(formatLink('markdown', url, 'Fix [prod] now')).toBe('[Fix \\[prod\\] now](https://kb.example/go/RB-0012/#verify)');
    expect(formatLink('jira', url, 'A|B]')).toBe('[A B |https://kb.example/go/RB-0012/#verify]');
    expect(formatLink('html', url, '</a><script>x</script>')).toBe('<a href="https://kb.example/go/RB-0012/#verify">&lt;/a&gt;&lt;script&gt;x&lt;/script&gt;</a>');
  });
});
