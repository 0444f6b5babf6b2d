import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { suggestQuery } from '../../../src/lib/did-you-mean.ts';
import { vocabularyOf, wordCounts } from '../../../src/lib/vocabulary.ts';

// The words of the bundled sample, most frequent first, as the build publishes them.
const files = readdirSync('content', { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.mdx'));
const vocabulary = vocabularyOf(files.map((e) => wordCounts(readFileSync(join(e.parentPath, e.name), 'utf8'))));

describe('did you mean', () => {
  it('corrects a swapped pair of letters to the word meant, not a longer word that contains the typo', () => {
    expect(suggestQuery('lable printer', vocabulary)).toBe('label printer');
    expect(suggestQuery('certifcate expired', vocabulary)).toBe('certificate expired');
  });

  it('leaves known words, short words and IDs alone, and says nothing when all are known', () => {
    expect(suggestQuery('label printer', vocabulary)).toBeUndefined();
    expect(suggestQuery('vpn', vocabulary)).toBeUndefined();
    expect(suggestQuery('INC-2026-011', vocabulary)).toBeUndefined();
  });

  it('prefers the more frequent of two equally close words', () => {
    expect(suggestQuery('cart', ['card', 'cert', 'cart-x'])).toBe('card');
    expect(suggestQuery('cart', ['cert', 'card'])).toBe('cert');
  });

  it('offers nothing when no word is close', () => {
    expect(suggestQuery('zzqxwv', vocabulary)).toBeUndefined();
  });
});

describe('did you mean, with digits', () => {
  it('never turns one ID or version into a near one', () => {
    expect(suggestQuery('inc-2026-099', [...vocabulary, 'inc-2026-019'])).toBeUndefined();
    expect(suggestQuery('v2', ['v3'])).toBeUndefined();
  });
});
