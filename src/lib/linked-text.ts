import { bodyIdPattern } from '../plugins/remark-id-links.ts';

/** Plain text split into text and document IDs, so a page can link the IDs it may show. */
export function splitIds(text: string): ({ text: string } | { id: string })[] {
  const parts: ({ text: string } | { id: string })[] = [];
  let last = 0;
  for (const match of text.matchAll(new RegExp(bodyIdPattern.source, 'g'))) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index) });
    parts.push({ id: match[0] });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
