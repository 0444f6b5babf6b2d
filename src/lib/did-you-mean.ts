import { distance } from 'fastest-levenshtein';

/** How many edits a word of this length may be from the one meant: none for short words, where any guess is a wild one. */
function allowedEdits(length: number): number {
  return length < 4 ? 0 : length < 7 ? 1 : 2;
}

/** Edit distance counting a swap of two neighbouring letters (`lable`, `label`) as one edit, as people make it. */
function editDistance(a: string, b: string): number {
  const plain = distance(a, b);
  if (plain !== 2 || a.length !== b.length) return plain;
  const differ = [...a].flatMap((c, i) => (c === b[i] ? [] : [i]));
  return differ.length === 2 && differ[1] === differ[0]! + 1 && a[differ[0]!] === b[differ[1]!] && a[differ[1]!] === b[differ[0]!] ? 1 : plain;
}

/**
 * "Did you mean": each word of the query the knowledge base never uses is replaced by the
 * closest word it does use (fewest edits, then the most frequent), so `lable printer` becomes
 * `label printer`, never a long word that merely contains the typo. `vocabulary` lists the
 * knowledge base's words, most frequent first. Undefined when every word is known or no
 * known word is close enough.
 */
export function suggestQuery(query: string, vocabulary: readonly string[], known: ReadonlySet<string> = new Set(vocabulary)): string | undefined {
  let changed = false;
  const words = query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => {
      const limit = allowedEdits(word.length);
      // Words with digits are IDs, versions or codes: a near one is a different thing, not a typo.
      if (known.has(word) || limit === 0 || !/^[a-z]+(?:-[a-z]+)*$/.test(word)) return word;
      let best: string | undefined;
      let bestDistance = limit + 1;
      // The list is most frequent first, so on a tie the first found (the more common word) stays.
      for (const candidate of vocabulary) {
        if (Math.abs(candidate.length - word.length) >= bestDistance) continue;
        const d = editDistance(word, candidate);
        if (d < bestDistance) {
          best = candidate;
          bestDistance = d;
          if (d === 1) break;
        }
      }
      if (!best) return word;
      changed = true;
      return best;
    });
  return changed ? words.join(' ') : undefined;
}
