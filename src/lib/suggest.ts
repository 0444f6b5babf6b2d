import Fuse from 'fuse.js';

/**
 * The candidates closest to what was written, best first: the "did you mean" of every
 * message. Fuse's fuzzy score forgives transposed and missing characters.
 */
export function closest(input: string, candidates: readonly string[], limit = 3): string[] {
  if (candidates.length === 0) return [];
  const lower = input.toLowerCase();
  const exact = candidates.find((c) => c.toLowerCase() === lower);
  if (exact) return [exact];
  const fuse = new Fuse(candidates, { includeScore: true, threshold: 0.45, ignoreLocation: true });
  return fuse.search(input, { limit }).map((r) => r.item);
}

/** `; did you mean "x"?` or an empty string when nothing is close. */
export function didYouMean(input: string, candidates: readonly string[]): string {
  const [best] = closest(input, candidates, 1);
  return best ? `; did you mean "${best}"?` : '';
}
