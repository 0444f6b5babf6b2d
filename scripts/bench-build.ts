/**
 * Benchmark: builds a synthetic knowledge base of N documents (default 2,000) with the real
 * build, and prints the wall time and the peak memory of the build process. Numbers only.
 * `npm run bench:build -- 5000`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const total = Number(process.argv[2] ?? 2000);
const dir = join('.cairn-build', 'bench-content');
rmSync(dir, { recursive: true, force: true });
for (const c of ['teams', 'services', 'projects', 'incidents', 'runbooks']) mkdirSync(join(dir, c), { recursive: true });

let seed = 7;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const words = 'database connection pool gateway certificate printer warehouse label vpn client portal tracking api erp invoice batch scheduler rollback release deploy alert pager outage latency queue replica failover storage backup restore firewall switch router dns cache token session policy'.split(' ');
const sentence = (n: number) => Array.from({ length: n }, () => words[Math.floor(random() * words.length)]).join(' ');
const paragraph = () => `${sentence(14)}. ${sentence(10)}, ${sentence(12)}.`;

writeFileSync(join(dir, 'teams', 'ops.mdx'), '---\nid: ops\nname: Operations\nsummary: Runs everything in this synthetic organisation.\nkind: it-support\nchannel: "#ops"\ngithub_team: "@bench/ops"\n---\n\nThe only team.\n');
const services = Array.from({ length: 20 }, (_, i) => `service-${i}`);
for (const s of services) writeFileSync(join(dir, 'services', `${s}.mdx`), `---\nid: ${s}\nname: Service ${s}\nsummary: A synthetic service for the build benchmark.\nowner: ops\ntier: 2\n---\n\n${paragraph()}\n`);
const projects = Math.round(total * 0.1);
const runbooks = Math.round(total * 0.2);
const incidents = total - projects - runbooks;
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
for (let i = 0; i < projects; i++) {
  writeFileSync(join(dir, 'projects', `p${i}.mdx`), `---\nid: PRJ-${String(i).padStart(4, '0')}\ntitle: Project ${sentence(3)}\nsummary: ${sentence(12)}.\nowner: ops\ncreated: 2025-01-01\nstatus: completed\nsponsor: Sponsor\nstart: 2025-0${1 + (i % 9)}-01\nplanned_end: 2025-12-31\nactual_end: 2026-01-31\nservices: [${pick(services)}]\nteams: [ops]\n---\n\n## Why\n\n${paragraph()}\n\n## Scope\n\n${paragraph()}\n`);
}
for (let i = 0; i < runbooks; i++) {
  writeFileSync(join(dir, 'runbooks', `r${i}.mdx`), `---\nid: RB-${String(i + 1).padStart(4, '0')}\ntitle: Runbook ${sentence(4)}\nsummary: ${sentence(12)}.\nowner: ops\ncreated: 2025-01-01\nservices: [${pick(services)}]\nrisk: low\nexpected_minutes: 20\nlast_verified: 2026-06-01\nreview_every_days: 180\n---\n\n## Procedure\n\n<Steps>\n\n1. ${sentence(8)}\n2. ${sentence(8)}\n3. ${sentence(8)}\n\n</Steps>\n\n## Verify\n\n${paragraph()}\n`);
}
for (let i = 0; i < incidents; i++) {
  const id = `INC-${2000 + Math.floor(i / 1000)}-${String(i % 1000).padStart(3, '0')}`;
  const project = `PRJ-${String(Math.floor(random() * projects)).padStart(4, '0')}`;
  const runbook = `RB-${String(1 + Math.floor(random() * runbooks)).padStart(4, '0')}`;
  writeFileSync(join(dir, 'incidents', `${id.slice(4).toLowerCase()}.mdx`), `---\nid: ${id}\ntitle: Incident ${sentence(5)}\nsummary: ${sentence(14)}.\nowner: ops\ncreated: 2025-06-01\nseverity: SEV${1 + (i % 4)}\nstatus: closed\ndetected: 2025-0${1 + (i % 9)}-1${i % 10}T10:00:00Z\nresolved: 2025-0${1 + (i % 9)}-1${i % 10}T12:30:00Z\nprojects: [${project}]\nservices: [${pick(services)}]\nrunbooks: [${runbook}]\ncommander: Commander\ntrigger: deploy\nroot_cause: software-defect\ncustomer_facing: ${i % 3 === 0}\ncustomer_impact: ${sentence(8)}.\n---\n\n## Summary\n\n${paragraph()} See ${runbook}.\n\n## Timeline\n\n<Timeline>\n<Event time="2025-01-01T10:00:00Z">${sentence(6)}</Event>\n</Timeline>\n\n## Root cause\n\n${paragraph()}\n`);
}

console.log(`building ${total} synthetic documents (${projects} projects, ${runbooks} runbooks, ${incidents} incidents, plus 21 teams and services)`);
const started = performance.now();
const result = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, 'scripts/build.ts'], {
  env: { ...process.env, CAIRN_CONTENT_DIR: dir, CAIRN_OUT_DIR: join('.cairn-build', 'bench-site') },
  encoding: 'utf8',
  maxBuffer: 1 << 28,
});
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const peakKb = Number(result.stderr.trim().split('\n').pop());
if (result.status !== 0) {
  console.error(result.stderr.slice(-3000));
  process.exit(1);
}
console.log(`build: ${seconds} s wall, peak memory ${Math.round(peakKb / 1024)} MB (the largest process: the build script or Astro under it)`);
console.log(result.stdout.split('\n').filter((l) => /page\(s\) built|Search index/.test(l)).join('\n'));
