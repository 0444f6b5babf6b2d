/**
 * Site-generator syntax in Markdown sources (MkDocs, Hugo, GitLab, Kramdown), rewritten as
 * plain Markdown before parsing so that nothing of it is printed as text: admonitions and
 * hint shortcodes become GitHub alerts (`> [!TIP]`, which the converter turns into
 * `<Callout>`), `ref`/`relref` shortcodes become the path they name, TOC markers and other
 * shortcodes go, and `{#id}` attributes go with their id recorded for links that use it.
 * Code (fenced, indented and inline) is left exactly as written.
 */
export interface GeneratorRewrite {
  markdown: string;
  /** How many of each construct were rewritten, for the import report. */
  rewritten: Record<string, number>;
  /** Explicit heading or block ids (`{#id}`) and the heading text they were on. */
  ids: Map<string, string>;
  /** Shortcodes with nothing to become, left out: `{{< param BookRepo >}}`. */
  dropped: string[];
}

const calloutTypes: Record<string, 'note' | 'tip' | 'warning' | 'danger'> = {
  note: 'note',
  info: 'note',
  abstract: 'note',
  summary: 'note',
  example: 'note',
  quote: 'note',
  question: 'note',
  important: 'note',
  seealso: 'note',
  tip: 'tip',
  hint: 'tip',
  success: 'tip',
  check: 'tip',
  done: 'tip',
  warning: 'warning',
  caution: 'warning',
  attention: 'warning',
  danger: 'danger',
  error: 'danger',
  failure: 'danger',
  bug: 'danger',
  fail: 'danger',
};

/** The Callout type closest to an admonition or alert kind, `note` when it is unknown. */
export function calloutType(kind: string): 'note' | 'tip' | 'warning' | 'danger' {
  return calloutTypes[kind.toLowerCase()] ?? 'note';
}

const fence = /^ {0,3}(`{3,}|~{3,})/;

export function rewriteGeneratorSyntax(source: string): GeneratorRewrite {
  const rewritten: Record<string, number> = {};
  const count = (what: string) => (rewritten[what] = (rewritten[what] ?? 0) + 1);
  const ids = new Map<string, string>();
  const dropped: string[] = [];
  const lines = source.split('\n');
  const out: string[] = [];
  let open: string | undefined; // the fence of the code block we are in
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const f = fence.exec(line);
    if (open) {
      if (f && f[1]![0] === open[0] && f[1]!.length >= open.length && line.trim() === f[1]) open = undefined;
      out.push(line);
      continue;
    }
    if (f) {
      open = f[1];
      out.push(line);
      continue;
    }
    // MkDocs admonition: `!!! kind "Title"` (or `???` collapsible), body indented four spaces.
    const admonition = /^(?:!!!|\?\?\?\+?)\s+([A-Za-z-]+)(?:\s+"([^"]*)")?\s*$/.exec(line);
    if (admonition) {
      const body: string[] = [];
      let j = i + 1;
      for (; j < lines.length; j++) {
        const next = lines[j]!;
        if (next.trim() === '') {
          if (j + 1 < lines.length && /^( {4}|\t)/.test(lines[j + 1]!)) body.push('');
          else break;
        } else if (/^( {4}|\t)/.test(next)) body.push(next.replace(/^( {4}|\t)/, ''));
        else break;
      }
      out.push(...alert(admonition[1]!, admonition[2], body));
      count('MkDocs admonition');
      i = j - 1;
      continue;
    }
    // Hugo hint/notice/alert shortcodes wrapping Markdown: {{< hint warning >}} … {{< /hint >}}
    const hint = /^\s*\{\{[<%]\s*(hint|notice|alert|admonition|callout|note|tip|warning)\b\s*(?:type=)?"?([A-Za-z-]*)"?[^}]*[>%]\}\}\s*$/.exec(line);
    if (hint) {
      const close = new RegExp(`^\\s*\\{\\{[<%]\\s*/${hint[1]}\\s*[>%]\\}\\}\\s*$`);
      const end = lines.findIndex((l, k) => k > i && close.test(l));
      if (end > i) {
        const kind = hint[2] || (['note', 'tip', 'warning'].includes(hint[1]!) ? hint[1]! : 'note');
        out.push(...alert(kind, undefined, lines.slice(i + 1, end)));
        count('Hugo hint shortcode');
        i = end;
        continue;
      }
    }
    if (/^\s*(\[\[_TOC_\]\]|\[TOC\]|\{\{[<%]\s*toc\s*[>%]\}\}|\{:toc\}|\*\s*TOC\s*\{:toc\}|<!--\s*toc\s*-->)\s*$/i.test(line)) {
      count('table-of-contents marker');
      continue;
    }
    out.push(outsideInlineCode(line, (text) => rewriteInline(text, count, ids, dropped, line)));
  }
  return { markdown: out.join('\n'), rewritten, ids, dropped };
}

/** A GitHub alert holding `body`, the form the Markdown converter turns into a Callout. */
function alert(kind: string, title: string | undefined, body: string[]): string[] {
  // `[!TIP|Title]`: the title travels with the marker, so it is not read as the first words.
  const head = `> [!${calloutType(kind).toUpperCase()}${title ? `|${title.replace(/[\]\n]/g, ' ')}` : ''}]`;
  return [head, ...body.map((l) => (l ? `> ${l}` : '>')), ''];
}

function rewriteInline(text: string, count: (what: string) => void, ids: Map<string, string>, dropped: string[], line: string): string {
  return text
    .replace(/\{\{[<%]\s*(?:rel)?ref\s+"?([^"\s>%]+)"?\s*[>%]\}\}/g, (_m, target: string) => {
      count('Hugo ref shortcode');
      return target;
    })
    .replace(/\s*\{#([A-Za-z][\w:.-]*)\}/g, (_m, id: string) => {
      count('heading id {#id}');
      const heading = /^#{1,6}\s+(.*?)\s*\{#/.exec(line);
      ids.set(id, heading ? heading[1]! : '');
      return '';
    })
    .replace(/\{\{[<%]\s*\/?\s*([A-Za-z][\w-]*)[^}]*?[>%]\}\}/g, (m) => {
      count('other Hugo shortcode');
      dropped.push(m);
      return '';
    });
}

/** Applies `rewrite` to the parts of a line outside backtick code spans. */
function outsideInlineCode(line: string, rewrite: (text: string) => string): string {
  if (/^( {4}|\t)/.test(line) && !/^\s*([-*+]|\d+[.)])\s/.test(line)) return line; // may be indented code: left alone
  const parts = line.split(/(`+[^`]*`+)/);
  return parts.map((part, i) => (i % 2 === 1 ? part : rewrite(part))).join('');
}
