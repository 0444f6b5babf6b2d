import type { GraphDocument, GraphEdge } from './edges.ts';
import { documentTitle } from '../documents.ts';
import { noWordCounts, packWordCounts, type WordCounts } from '../word-counts.ts';

export interface SimilarityOptions {
  /** Related documents kept per document. */
  perDocument?: number;
  /** Cosine similarity below which documents are not called related. */
  minScore?: number;
}

/** Words that say nothing about a document's subject. */
const stopWords = new Set(
  `about above after again against all also and any are around because been before being below between both but can could did does doing down during each few for from further had has have having her here hers him his how into its itself just more most not now off once only other our ours out over own same she should some such than that the their theirs them then there these they this those through too under until very was were what when where which while who whom why will with would you your yours we us it is be an as at by if in of on or so to up no do our one two per via new use used using make made get got see may must need needs within without across still next last first team teams`.split(
    /\s+/,
  ),
);

/** Lower-case content words; a trailing plural `s` is dropped so "printers" meets "printer". */
export function terms(text: string): string[] {
  const out: string[] = [];
  forEachTerm(text, (t) => out.push(t));
  return out;
}

/** Interns terms as small integers, so vectors are typed arrays and comparisons are cheap. */
export class Vocabulary {
  readonly words: string[] = [];
  readonly #ids = new Map<string, number>();

  id(word: string): number {
    let id = this.#ids.get(word);
    if (id === undefined) {
      id = this.words.push(word) - 1;
      this.#ids.set(word, id);
    }
    return id;
  }
}

/** One vocabulary per process: term IDs from `termCounts` mean the same word everywhere. */
export const vocabulary = new Vocabulary();

/** How often each term occurs in a document, by term ID in `vocabulary`. */
export interface TermCounts {
  ids: Int32Array;
  counts: Float64Array;
}

/**
 * A body's content words (space-separated, in order of first use) and how often each occurs:
 * all that similarity needs of a body. Counted where the body is rendered and kept with the
 * render, so a warm run does not scan ten thousand bodies again.
 */
export type BodyTerms = WordCounts;

export const noBodyTerms: BodyTerms = noWordCounts;

export function bodyTerms(text: string): BodyTerms {
  const counts = new Map<string, number>();
  forEachTerm(text, (word) => counts.set(word, (counts.get(word) ?? 0) + 1));
  return packWordCounts(counts);
}

/**
 * A document's term counts: title and summary say what it is about, so they count three
 * times. The order of terms is title and summary first, then the body's in order of first
 * use, so ties between equal weights break the same way in every run.
 */
export function termCounts(title: string, summary: string, body: BodyTerms): TermCounts {
  const heading = new Map<string, number>();
  forEachTerm(`${title} ${summary}`, (word) => heading.set(word, (heading.get(word) ?? 0) + 3));
  const words = body.words ? body.words.split(' ') : [];
  const ids = new Int32Array(heading.size + words.length);
  const values = new Float64Array(heading.size + words.length);
  let n = 0;
  for (const [word, count] of heading) {
    ids[n] = vocabulary.id(word);
    values[n++] = count;
  }
  // Body words are distinct already: only those the title or summary used are added up.
  words.forEach((word, i) => {
    const count = body.counts[i]!;
    const at = heading.has(word) ? ids.indexOf(vocabulary.id(word)) : -1;
    if (at >= 0) values[at]! += count;
    else {
      ids[n] = vocabulary.id(word);
      values[n++] = count;
    }
  });
  return { ids: ids.subarray(0, n), counts: values.subarray(0, n) };
}

// A hand-rolled scanner: on 10,000 documents it is several times faster than a regex split.
function forEachTerm(text: string, visit: (term: string) => void): void {
  const lower = text.toLowerCase();
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 32;
    const wordChar = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45;
    if (wordChar) {
      if (start < 0) start = i;
      continue;
    }
    if (start < 0) continue;
    let from = start;
    let to = i;
    start = -1;
    while (from < to && lower.charCodeAt(from) === 45) from++;
    while (to > from && lower.charCodeAt(to - 1) === 45) to--;
    if (to - from < 3) continue;
    const word = lower.slice(from, to);
    if (stopWords.has(word) || /^\d+$/.test(word)) continue;
    visit(to - from > 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word);
  }
}

const termsPerDocument = 24;
const postingsPerTerm = 64;

/** A document as a short, L2-normalised list of its strongest terms (IDs into the vocabulary). */
interface TermVector {
  terms: Int32Array;
  weights: Float64Array;
}

/**
 * "Related" documents by TF-IDF cosine similarity. Each document keeps only its strongest
 * terms and each term only its strongest postings, so the work is bounded per document;
 * terms are interned to integers and counted in typed arrays, so 10,000 documents stay
 * around a second (`npm run bench` prints the figure). Every edge says which words the two
 * documents share.
 */
export function similarEdges(docs: readonly GraphDocument[], { perDocument = 3, minScore = 0.12 }: SimilarityOptions = {}): GraphEdge[] {
  const n = docs.length;
  const counted = docs.map((doc) => termCounts(documentTitle(doc.data), doc.data.summary, doc.terms));
  const df = new Int32Array(vocabulary.words.length);
  for (const { ids } of counted) for (let i = 0; i < ids.length; i++) df[ids[i]!]!++;

  // Inverse document frequency; 0 for terms with no signal (unshared, or in over half the documents).
  const idf = Float64Array.from(df, (d) => (d < 2 || d > n / 2 ? 0 : Math.log(n / d)));
  const vectors = counted.map((counts) => strongestTerms(counts, idf));

  // Postings per term (documents and weights), pruned to the strongest.
  const postings: { docs: number[]; weights: number[] }[] = [];
  vectors.forEach((vector, doc) => {
    for (let i = 0; i < vector.terms.length; i++) {
      const list = (postings[vector.terms[i]!] ??= { docs: [], weights: [] });
      list.docs.push(doc);
      list.weights.push(vector.weights[i]!);
    }
  });
  for (const list of postings) {
    if (!list || list.docs.length <= postingsPerTerm) continue;
    const order = list.docs
      .map((_, i) => i)
      .sort((a, b) => list.weights[b]! - list.weights[a]!)
      .slice(0, postingsPerTerm);
    list.docs = order.map((i) => list.docs[i]!);
    list.weights = order.map((i) => list.weights[i]!);
  }

  const edges: GraphEdge[] = [];
  const scores = new Float64Array(n);
  const touched: number[] = [];
  vectors.forEach((vector, doc) => {
    for (let i = 0; i < vector.terms.length; i++) {
      const w = vector.weights[i]!;
      const list = postings[vector.terms[i]!]!;
      for (let j = 0; j < list.docs.length; j++) {
        const other = list.docs[j]!;
        if (other === doc) continue;
        const score = scores[other]!;
        if (score === 0) touched.push(other);
        scores[other] = score + w * list.weights[j]!;
      }
    }
    for (const other of topScores(touched, scores, perDocument, minScore)) {
      const shared = sharedTerms(vector, vectors[other]!).map((t) => vocabulary.words[t]!);
      edges.push({ from: docs[doc]!.id, to: docs[other]!.id, kind: 'similar', inferred: true, reason: `similar content: both are about ${shared.join(', ')}` });
    }
    for (const o of touched) scores[o] = 0;
    touched.length = 0;
  });
  return edges;
}

/** A document's `termsPerDocument` strongest TF-IDF terms, L2-normalised. */
function strongestTerms({ ids, counts }: TermCounts, idf: Float64Array): TermVector {
  const top: number[] = [];
  const weightOf: number[] = [];
  for (let i = 0; i < ids.length; i++) {
    const inverse = idf[ids[i]!]!;
    if (inverse === 0) continue;
    const c = counts[i]!;
    const w = (c === 1 ? 1 : 1 + Math.log(c)) * inverse;
    if (top.length === termsPerDocument && w <= weightOf[top.length - 1]!) continue;
    let at = Math.min(top.length, termsPerDocument - 1);
    while (at > 0 && weightOf[at - 1]! < w) {
      top[at] = top[at - 1]!;
      weightOf[at] = weightOf[at - 1]!;
      at--;
    }
    top[at] = ids[i]!;
    weightOf[at] = w;
  }
  const norm = Math.sqrt(weightOf.reduce((sum, w) => sum + w * w, 0)) || 1;
  return { terms: Int32Array.from(top), weights: Float64Array.from(weightOf, (w) => w / norm) };
}

/** The three terms that contribute most to two documents' similarity. */
function sharedTerms(a: TermVector, b: TermVector): number[] {
  const contributions: [number, number][] = [];
  for (let i = 0; i < a.terms.length; i++) {
    const j = b.terms.indexOf(a.terms[i]!);
    if (j >= 0) contributions.push([a.terms[i]!, a.weights[i]! * b.weights[j]!]);
  }
  return contributions
    .sort((x, y) => y[1] - x[1])
    .slice(0, 3)
    .map(([t]) => t);
}

/** The `k` best-scoring candidates at or above `min`, best first, without sorting them all. */
function topScores(candidates: readonly number[], scores: Float64Array, k: number, min: number): number[] {
  const best: number[] = [];
  for (const c of candidates) {
    const score = scores[c]!;
    if (score < min) continue;
    if (best.length === k && score <= scores[best[k - 1]!]!) continue;
    let i = Math.min(best.length, k - 1);
    while (i > 0 && (scores[best[i - 1]!]! < score || (scores[best[i - 1]!]! === score && best[i - 1]! > c))) {
      best[i] = best[i - 1]!;
      i--;
    }
    best[i] = c;
  }
  return best;
}
