import type { CollectionName, DocumentData, Guide, Incident, Playbook, Project, Retrospective, Runbook } from '../schemas/index.ts';
import { unknownToFill } from '../schemas/base.ts';
import { formatDate, formatDuration, minutesBetween } from './dates.ts';
import { projectSlipDays, runbookVerificationDue } from './metrics.ts';

export interface KeyField {
  label: string;
  value: string;
}

/**
 * The few fields that say the most about a document, as text: what an embed card, an unfurl
 * or a ticket integration shows beside the title. `name` turns team and service IDs into names.
 */
export function keyFields(collection: CollectionName, data: DocumentData[CollectionName], today: string, name: (id: string) => string = (id) => id): KeyField[] {
  const list = (ids: readonly string[]) => (ids.length ? ids.map(name).join(', ') : 'none');
  switch (collection) {
    case 'incidents': {
      const d = data as Incident;
      return [
        { label: 'Severity', value: d.severity ?? unknownToFill },
        { label: 'Detected', value: d.detected ? formatDate(d.detected) : unknownToFill },
        { label: 'Duration', value: !d.detected ? unknownToFill : d.resolved || d.mitigated ? formatDuration(minutesBetween(d.detected, d.resolved ?? d.mitigated)) : 'ongoing' },
        { label: 'Projects', value: list(d.projects) },
        { label: 'Services', value: list(d.services) },
      ];
    }
    case 'runbooks': {
      const d = data as Runbook;
      const due = runbookVerificationDue(d);
      // A stand-in an import wrote (listed in to_fill) is shown as unknown, never as a fact.
      const known = (field: string, value: string) => (d.to_fill.includes(field) ? unknownToFill : value);
      return [
        { label: 'Services', value: known('services', list(d.services)) },
        { label: 'Risk', value: known('risk', d.risk) },
        { label: 'Takes', value: known('expected_minutes', `${d.expected_minutes} min`) },
        { label: 'Last verified', value: known('last_verified', `${formatDate(d.last_verified)}${due < today ? ' (overdue)' : ''}`) },
      ];
    }
    case 'projects': {
      const d = data as Project;
      const slip = projectSlipDays(d, today);
      return [
        { label: 'Sponsor', value: d.sponsor },
        { label: 'Dates', value: `${formatDate(d.start)} – ${formatDate(d.actual_end ?? d.planned_end)}${d.actual_end ? '' : ' (planned)'}` },
        { label: 'Slip', value: slip && slip.days > 0 ? `${slip.days} days${slip.final ? '' : ' so far'}` : 'none' },
        { label: 'Services', value: list(d.services) },
      ];
    }
    case 'retrospectives': {
      const d = data as Retrospective;
      return [
        { label: 'Project', value: d.project },
        { label: 'Held', value: formatDate(d.date) },
        { label: 'On time', value: d.outcome.on_time ? 'yes' : `no, ${d.outcome.slip_days} days late` },
        { label: 'Lessons', value: String(d.lessons.length) },
      ];
    }
    case 'playbooks': {
      const d = data as Playbook;
      return [
        { label: 'For', value: d.audience.join(', ') },
        { label: 'When', value: d.when_to_use },
      ];
    }
    case 'guides': {
      const d = data as Guide;
      return [
        { label: 'For', value: d.audience },
        { label: 'Track', value: d.track },
        { label: 'Weeks', value: String(d.weeks) },
      ];
    }
    case 'teams': {
      const d = data as DocumentData['teams'];
      return [
        { label: 'Kind', value: d.kind },
        { label: 'Channel', value: d.channel },
      ];
    }
    case 'services': {
      const d = data as DocumentData['services'];
      return [
        { label: 'Owner', value: name(d.owner) },
        { label: 'Tier', value: String(d.tier) },
      ];
    }
  }
}
