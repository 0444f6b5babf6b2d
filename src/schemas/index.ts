import type * as z from 'zod';
import { guideSchema } from './guides.ts';
import { incidentSchema } from './incidents.ts';
import { playbookSchema } from './playbooks.ts';
import { projectSchema } from './projects.ts';
import { retrospectiveSchema } from './retrospectives.ts';
import { runbookSchema } from './runbooks.ts';
import { serviceSchema } from './services.ts';
import { teamSchema } from './teams.ts';

/**
 * The eight collections, in the order the site lists them. The one place that ties a
 * collection's folder to its schema and its names; the Astro site and the scripts both
 * read it.
 */
export const collections = {
  incidents: { schema: incidentSchema, label: 'Incidents', singular: 'Incident' },
  runbooks: { schema: runbookSchema, label: 'Runbooks', singular: 'Runbook' },
  projects: { schema: projectSchema, label: 'Projects', singular: 'Project' },
  retrospectives: { schema: retrospectiveSchema, label: 'Retrospectives', singular: 'Retrospective' },
  playbooks: { schema: playbookSchema, label: 'Playbooks', singular: 'Playbook' },
  guides: { schema: guideSchema, label: 'Mentorship guides', singular: 'Mentorship guide' },
  teams: { schema: teamSchema, label: 'Teams', singular: 'Team' },
  services: { schema: serviceSchema, label: 'Services', singular: 'Service' },
} as const;

export type CollectionName = keyof typeof collections;
export const collectionNames = Object.keys(collections) as CollectionName[];

export function isCollectionName(name: string): name is CollectionName {
  return Object.hasOwn(collections, name);
}

/** Validated front matter of each collection, after defaults are applied. */
export type DocumentData = { [C in CollectionName]: z.output<(typeof collections)[C]['schema']> };

export type Incident = DocumentData['incidents'];
export type Runbook = DocumentData['runbooks'];
export type Project = DocumentData['projects'];
export type Retrospective = DocumentData['retrospectives'];
export type Playbook = DocumentData['playbooks'];
export type Guide = DocumentData['guides'];
export type Team = DocumentData['teams'];
export type Service = DocumentData['services'];

export { idPatterns } from './shared.ts';
