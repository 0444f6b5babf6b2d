import { describe, expect, it } from 'vitest';
import { splitIds } from '../../../src/lib/linked-text.ts';

describe('IDs in front-matter prose', () => {
  it('splits text around every document ID', () => {
    expect(splitIds('Same as INC-2025-014; see RB-0001 and PRJ-billing-migration.')).toEqual([
      { text: 'Same as ' },
      { id: 'INC-2025-014' },
      { text: '; see ' },
      { id: 'RB-0001' },
      { text: ' and ' },
      { id: 'PRJ-billing-migration' },
      { text: '.' },
    ]);
    expect(splitIds('no IDs here')).toEqual([{ text: 'no IDs here' }]);
  });
});
