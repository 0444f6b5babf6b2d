/**
 * A deterministic synthetic knowledge base for benchmarks: the sample's mix of collections,
 * references in front matter and IDs in bodies, bodies of about 4 KB with the components
 * authors use. The same seed and size always give the same bytes, so Cairn and the floor
 * (bare Astro) build exactly the same documents.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SyntheticKb {
  /** Content files written, relative to the folder, with their collection. */
  files: { collection: string; path: string }[];
  counts: Record<string, number>;
}

const words =
  'database connection pool gateway certificate printer warehouse label vpn client portal tracking api erp invoice batch scheduler rollback release deploy alert pager outage latency queue replica failover storage backup restore firewall switch router dns cache token session policy carrier depot manifest scanner handheld driver route consignment customs pallet forklift dock shift rota supplier contract renewal escalation vendor handover'.split(
    ' ',
  );

/** A small linear congruential generator: the same sequence everywhere. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => (state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32;
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
  };
}

const pad = (n: number, width = 4) => String(n).padStart(width, '0');

/** Writes `total` documents (plus 12 teams and 40 services) under `dir`, replacing it. */
export function writeSyntheticKb(dir: string, total: number, seed = 7): SyntheticKb {
  rmSync(dir, { recursive: true, force: true });
  const r = prng(seed);
  const sentence = (n: number) => {
    const s = Array.from({ length: n }, () => r.pick(words)).join(' ');
    return s[0]!.toUpperCase() + s.slice(1);
  };
  const paragraph = () => `${sentence(14)}. ${sentence(10)}, ${sentence(12).toLowerCase()}. ${sentence(9)}.`;
  const files: SyntheticKb['files'] = [];
  const write = (collection: string, name: string, text: string) => {
    mkdirSync(join(dir, collection), { recursive: true });
    writeFileSync(join(dir, collection, `${name}.mdx`), text);
    files.push({ collection, path: `${collection}/${name}.mdx` });
  };

  const teams = Array.from({ length: 12 }, (_, i) => `team-${i}`);
  const services = Array.from({ length: 40 }, (_, i) => `service-${i}`);
  const n = {
    projects: Math.min(9_999, Math.max(1, Math.round(total * 0.1))),
    // RB-NNNN and PRJ-NNNN hold 9,999 documents: past that (50,000 documents) the rest are incidents.
    runbooks: Math.min(9_999, Math.max(1, Math.round(total * 0.2))),
    playbooks: Math.max(1, Math.round(total * 0.05)),
    guides: Math.max(1, Math.round(total * 0.05)),
    retrospectives: Math.max(1, Math.round(total * 0.1)),
    incidents: 0,
  };
  n.incidents = Math.max(1, total - n.projects - n.runbooks - n.playbooks - n.guides - n.retrospectives);
  const projectId = (i: number) => `PRJ-${pad(i)}`;
  const runbookId = (i: number) => `RB-${pad(i + 1)}`;
  const playbookId = (i: number) => `PB-${pad(i + 1)}`;
  const incidentId = (i: number) => `INC-${2000 + Math.floor(i / 1000)}-${pad(i % 1000, 3)}`;
  const anyId = () => {
    const k = r.int(4);
    return k === 0 ? projectId(r.int(n.projects)) : k === 1 ? runbookId(r.int(n.runbooks)) : k === 2 ? playbookId(r.int(n.playbooks)) : incidentId(r.int(n.incidents));
  };
  const visibility = () => (r.next() < 0.05 ? 'restricted' : r.next() < 0.3 ? 'public' : 'internal');

  /** About 4 KB of body: sections, a procedure, a table, code, a callout, IDs and ticket keys. */
  const body = () => `## Overview

${paragraph()} See ${anyId()} and ${anyId()} for the background.

${paragraph()}

<Callout type="warning" title="Before you start">
${sentence(12)}. Raise OPS-${1000 + r.int(9000)} if ${sentence(6).toLowerCase()}.
</Callout>

## Procedure

<Steps>

1. ${sentence(10)}.
2. ${sentence(12)}, then check ${anyId()}.
3. ${sentence(9)}.
4. ${sentence(11)}.

</Steps>

\`\`\`sh
systemctl status ${r.pick(words)}-${r.pick(words)}
journalctl -u ${r.pick(words)} --since "-1h" | grep -i ${r.pick(words)}
\`\`\`

## What to check

| check | expected | if not |
| --- | --- | --- |
| ${sentence(3)} | ${sentence(2)} | ${sentence(4)} |
| ${sentence(3)} | ${sentence(2)} | ${sentence(4)} |
| ${sentence(3)} | ${sentence(2)} | ${sentence(4)} |

${paragraph()}

### Notes

- ${sentence(10)}.
- ${sentence(8)} (**${r.pick(words)}**).
- ${sentence(9)}, as in ${anyId()}.

${paragraph()}

${paragraph()}

## History

${paragraph()} ${paragraph()}
`;
  const common = (id: string, title: string, owner = r.pick(teams)) =>
    `id: ${id}\ntitle: ${title}\nsummary: ${sentence(16)}.\nowner: ${owner}\ntags: [${r.pick(words)}, ${r.pick(words)}-ops]\ncreated: 2025-0${1 + r.int(9)}-1${r.int(10)}\nvisibility: ${visibility()}\n`;

  teams.forEach((t, i) =>
    write(
      'teams',
      t,
      `---\nid: ${t}\nname: Team ${i}\nsummary: ${sentence(12)}.\nkind: ${i % 3 === 0 ? 'project-management' : 'it-support'}\nchannel: "#${t}"\ngithub_team: "@bench/${t}"\nvisibility: public\n---\n\n${paragraph()}\n`,
    ),
  );
  services.forEach((s, i) =>
    write('services', s, `---\nid: ${s}\nname: Service ${i}\nsummary: ${sentence(12)}.\nowner: ${r.pick(teams)}\ntier: ${1 + (i % 3)}\nvisibility: public\n---\n\n${paragraph()}\n`),
  );
  for (let i = 0; i < n.projects; i++) {
    write(
      'projects',
      `p${pad(i)}`,
      `---\n${common(projectId(i), `Project ${sentence(3)}`)}status: completed\nsponsor: Sponsor ${i}\nstart: 2025-0${1 + (i % 9)}-01\nplanned_end: 2025-12-31\nactual_end: 2026-01-31\nservices: [${r.pick(services)}]\nteams: [${r.pick(teams)}]\n---\n\n${body()}`,
    );
  }
  for (let i = 0; i < n.runbooks; i++) {
    write(
      'runbooks',
      `r${pad(i)}`,
      `---\n${common(runbookId(i), `Runbook ${sentence(4)}`)}services: [${r.pick(services)}]\nrisk: low\nexpected_minutes: ${10 + r.int(50)}\nlast_verified: 2026-06-01\nreview_every_days: 180\n---\n\n${body()}`,
    );
  }
  for (let i = 0; i < n.playbooks; i++) {
    write(
      'playbooks',
      `pb${pad(i)}`,
      `---\n${common(playbookId(i), `Playbook ${sentence(4)}`)}audience: [it-support]\nwhen_to_use: ${sentence(10)}.\nrunbooks: [${runbookId(r.int(n.runbooks))}]\n---\n\n${body()}`,
    );
  }
  for (let i = 0; i < n.guides; i++) {
    write(
      'guides',
      `g${pad(i)}`,
      `---\n${common(`MG-${pad(i + 1)}`, `Guide ${sentence(4)}`)}audience: both\ntrack: on-call\nweeks: ${1 + r.int(12)}\nobjectives: [${sentence(5)}]\nplaybooks: [${playbookId(r.int(n.playbooks))}]\n---\n\n${body()}`,
    );
  }
  for (let i = 0; i < n.retrospectives; i++) {
    write(
      'retrospectives',
      `retro${pad(i)}`,
      `---\n${common(`RETRO-${pad(i + 1)}`, `Retrospective ${sentence(3)}`)}project: ${projectId(r.int(n.projects))}\ndate: 2026-0${1 + r.int(9)}-15\nfacilitator: Facilitator ${i}\noutcome:\n  on_time: ${r.next() < 0.5}\n  slip_days: ${r.int(40)}\n  budget_variance_pct: ${r.int(30) - 10}\n  satisfaction: ${1 + r.int(5)}\nlessons:\n  - title: ${sentence(4)}\n    happened: ${sentence(10)}.\n    lesson: ${sentence(10)}.\n    recommendation: ${sentence(10)}.\n    category: ${r.pick(['communication', 'planning', 'testing', 'vendor'])}\n---\n\n${body()}`,
    );
  }
  for (let i = 0; i < n.incidents; i++) {
    const id = incidentId(i);
    const month = 1 + (i % 9);
    write(
      'incidents',
      id.slice(4).toLowerCase(),
      `---\n${common(id, `Incident ${sentence(5)}`)}severity: SEV${1 + (i % 4)}\nstatus: closed\ndetected: 2025-0${month}-1${i % 10}T10:00:00Z\nresolved: 2025-0${month}-1${i % 10}T12:30:00Z\nprojects: [${projectId(r.int(n.projects))}]\nservices: [${r.pick(services)}]\nrunbooks: [${runbookId(r.int(n.runbooks))}]\ntickets: [OPS-${1000 + r.int(9000)}]\ncommander: Commander ${i % 50}\ntrigger: deploy\nroot_cause: software-defect\ncustomer_facing: ${i % 3 === 0}\ncustomer_impact: ${sentence(8)}.\n---\n\n${body()}`,
    );
  }
  return { files, counts: { ...n, teams: teams.length, services: services.length } };
}
