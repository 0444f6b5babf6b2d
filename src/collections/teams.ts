import * as z from 'zod';
import { documentBase } from '../schemas/base.ts';
import { httpUrl } from '../schemas/http-url.ts';
import { visibility } from '../schemas/shared.ts';
import { describeCollection } from './descriptor.ts';
import { idOf, slugId } from './id-form.ts';

/** A team's slug, e.g. service-desk. */
export const teamId = slugId('service-desk');

/** A team: owns documents, runs services, takes part in incidents and projects. */
export const teamSchema = z.strictObject({
  /** Permanent ID: the team's slug, e.g. service-desk. */
  id: idOf(teamId).meta({ description: "Permanent ID: the team's slug, e.g. service-desk." }),
  /** The team's name as people say it. */
  name: z.string().min(2).max(80).meta({ description: "The team's name as people say it." }),
  /** What the team does, in a sentence or two. */
  summary: z.string().min(10).max(400).meta({ description: 'What the team does, in a sentence or two.' }),
  /** Which side of the organisation it sits on. */
  kind: z.enum(['it-support', 'project-management', 'cross-functional']).meta({ description: 'Which side of the organisation it sits on.' }),
  /** Chat channel where it is reached, e.g. #service-desk. */
  channel: z
    .string()
    .regex(/^#[a-z0-9-]+$/, { error: 'expected a chat channel like #service-desk' })
    .meta({ description: 'Chat channel where it is reached, e.g. #service-desk.' }),
  /** Link to its on-call schedule, when it has one. */
  on_call: httpUrl('https://oncall.example.com/schedules/service-desk').optional().meta({ description: 'Link to its on-call schedule, when it has one.' }),
  /** The GitHub team that reviews its documents, e.g. @northwind/service-desk. */
  github_team: z
    .string()
    .regex(/^@[\w.-]+\/[\w.-]+$/, { error: 'expected a GitHub team like @org/team' })
    .meta({ description: 'The GitHub team that reviews its documents, e.g.' }),
  /** Who may read the team page. */
  visibility: visibility.default('internal').meta({ description: 'Who may read the team page.' }),
  /** Other names people use for the team. */
  aliases: z.array(z.string().min(2)).default([]).meta({ description: 'Other names people use for the team.' }),
  /** Former IDs or file names: their links keep working. */
  formerly: documentBase.shape.formerly.meta({ description: 'Former IDs or file names: their links keep working.' }),
});

/** Teams: who owns documents, runs services and takes part in incidents and projects. */
export const teams = describeCollection({
  schema: teamSchema,
  id: teamId,
  label: 'Teams',
  singular: 'Team',
  section: 'People',
  directory: true,
  references: [],
  owner: (d) => d.id,
  keyFields: (d) => [
    { label: 'Kind', value: d.kind },
    { label: 'Channel', value: d.channel },
  ],
  columns: { heads: ['Kind', 'Channel'], cells: (d) => [{ text: d.kind.replaceAll('-', ' ') }, { text: d.channel }] },
  scaffold: {
    fileName: (id) => id,
    fields: ({ id, title }) => [
      `id: ${id}`,
      `name: ${JSON.stringify(title)}`,
      ['summary', '"TODO: what the team does, in a sentence or two."', 'what the team does, in a sentence or two'],
      ['kind', 'it-support', 'it-support, project-management or cross-functional'],
      ['channel', `"#${id}"`, 'its chat channel, e.g. "#service-desk"'],
      ['github_team', `"@your-org/${id}"`, 'the GitHub team that reviews its documents, e.g. "@org/service-desk"'],
    ],
    body: () => 'TODO: what we do, how to reach us, what we own.\n',
  },
});
