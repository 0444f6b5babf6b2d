import type { Incident } from '../collections/index.ts';

/** An incident whose severity and detection time are known (not left in `to_fill`). */
export type KnownIncident = Incident & { severity: NonNullable<Incident['severity']>; detected: string };

/**
 * Whether an incident's facts are known: figures that count, time or rank incidents (insights,
 * the impact matrix, inferred links, "last used") leave out those a person has yet to complete.
 */
export function incidentFactsKnown(incident: Incident): incident is KnownIncident {
  return incident.severity !== undefined && incident.detected !== undefined;
}
