import { guides } from './guides.ts';
import { incidents } from './incidents.ts';
import { playbooks } from './playbooks.ts';
import { projects } from './projects.ts';
import { retrospectives } from './retrospectives.ts';
import { runbooks } from './runbooks.ts';
import { services } from './services.ts';
import { teams } from './teams.ts';

/**
 * The collections, in the order the site lists them, each by its folder name under
 * `content/`. Adding a collection is a descriptor file beside this one and a line here.
 */
export const registry = { incidents, runbooks, projects, retrospectives, playbooks, guides, teams, services } as const;
