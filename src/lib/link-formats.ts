import { escapeHtml } from './escape.ts';

/** The ways a permanent link is pasted: where each format goes, and how it is written. */
export const linkFormatNames = { url: 'Plain URL', markdown: 'Markdown', jira: 'Jira', html: 'HTML' } as const;
export type LinkFormat = keyof typeof linkFormatNames;

/** A link as text in each format, with the label escaped for that format. */
export function formatLink(format: LinkFormat, url: string, label: string): string {
  switch (format) {
    case 'url':
      return url;
    case 'markdown':
      return `[${label.replace(/([\\[\]])/g, '\\$1')}](${url.replace(/\)/g, '%29')})`;
    case 'jira':
      // Jira wiki markup: [label|url]; | and ] would end the label early.
      return `[${label.replace(/[|\]]/g, ' ')}|${url}]`;
    case 'html':
      return `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`;
  }
}
