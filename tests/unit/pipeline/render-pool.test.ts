import { describe, expect, it } from 'vitest';
import { poolFor, startPool } from '../../../src/pipeline/render-pool.ts';

const settings = { today: '2026-12-02', trackers: [], ids: new Map() };
const jobs = Array.from({ length: 40 }, (_, i) => ({ body: `## Step ${i}\n\nRestart worker ${i} and **check** the queue.\n`, frontMatter: {} }));

describe('the render pool', () => {
  it('gives each job its own result, in job order, whatever order the workers answer in', async () => {
    const pool = startPool(2);
    try {
      const seen: number[] = [];
      const results = await pool.render(jobs, settings, (index) => seen.push(index));
      expect(results.map((r) => r.rendered.html)).toEqual((await poolFor(0).render(jobs, settings)).map((r) => r.rendered.html));
      expect(seen.sort((a, b) => a - b)).toEqual(jobs.map((_, i) => i));
    } finally {
      await pool.close();
    }
  });

  it('fails the phase, not the process, when handling a result throws', async () => {
    const pool = startPool(2);
    try {
      await expect(
        pool.render(jobs, settings, () => {
          throw new Error('no space left on the cache disk');
        }),
      ).rejects.toThrow('no space left on the cache disk');
    } finally {
      await pool.close();
    }
  });
});
