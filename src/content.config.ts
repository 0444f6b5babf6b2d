import { defineCollection } from 'astro:content';
import { cairnLoader } from './loaders/cairn-loader.ts';
import { collections as schemas } from './schemas/index.ts';

// Wiring only: the schemas live in src/schemas and are shared with the scripts.
export const collections = {
  incidents: defineCollection({ loader: cairnLoader('incidents'), schema: schemas.incidents.schema }),
  runbooks: defineCollection({ loader: cairnLoader('runbooks'), schema: schemas.runbooks.schema }),
  projects: defineCollection({ loader: cairnLoader('projects'), schema: schemas.projects.schema }),
  retrospectives: defineCollection({ loader: cairnLoader('retrospectives'), schema: schemas.retrospectives.schema }),
  playbooks: defineCollection({ loader: cairnLoader('playbooks'), schema: schemas.playbooks.schema }),
  guides: defineCollection({ loader: cairnLoader('guides'), schema: schemas.guides.schema }),
  teams: defineCollection({ loader: cairnLoader('teams'), schema: schemas.teams.schema }),
  services: defineCollection({ loader: cairnLoader('services'), schema: schemas.services.schema }),
};
