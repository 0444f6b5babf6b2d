import type { ImportReport } from './run-import.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The importer's closing report: what it wrote, rewrote and skipped, and what a person must finish. */
export function formatImportReport(r: ImportReport, limit = 20): string {
  const lines: string[] = [];
  const list = <T>(title: string, items: readonly T[], line: (item: T) => string) => {
    if (!items.length) return;
    lines.push('', `${title} (${items.length}):`);
    for (const item of items.slice(0, limit)) lines.push(`  ${line(item)}`);
    if (items.length > limit) lines.push(`  … and ${items.length - limit} more`);
  };
  lines.push(
    `${plural(r.written.length, 'document')} written, ${r.updated.length} updated, ${r.unchanged} unchanged since the last import, ${r.keptEdited.length} left alone because a person changed them.`,
  );
  list('Left alone (edited or removed since the last import)', r.keptEdited, (k) => `${k.file}  (from ${k.from})`);
  const constructs = Object.entries(r.rewritten).sort((a, b) => b[1] - a[1]);
  if (constructs.length) lines.push('', `Rewritten: ${constructs.map(([k, v]) => `${v} ${k}`).join(', ')}.`);
  lines.push('', `Links: ${r.linksFixed} re-pointed to imported pages or copied files, ${r.unresolved.length} could not be resolved and became plain text.`);
  if (r.copied.length) lines.push(`${plural(r.copied.length, 'linked file')} copied under content/assets/.`);
  list('Unresolved links', r.unresolved, (u) => `${u.from}: ${u.url}`);
  list('Facts left to fill (to_fill): the source does not say', r.toFill, (t) => `${t.file}: ${t.fields.join(', ')}`);
  list('Skipped files', r.skipped, (s) => `${s.from}: ${s.reason}`);
  // The same note on many documents ("no date in the source") is one line with where it applies.
  const byNote = new Map<string, string[]>();
  for (const n of r.notes) byNote.set(n.note, [...(byNote.get(n.note) ?? []), n.from]);
  list('For a person to finish', [...byNote], ([note, files]) =>
    files.length === 1 ? `${files[0]}: ${note}` : `${note} (${files.length} documents: ${files.slice(0, 3).join(', ')}${files.length > 3 ? ', …' : ''})`,
  );
  return lines.join('\n');
}
