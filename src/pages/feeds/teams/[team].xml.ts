import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalogue } from '../../../site/catalogue.ts';
import { atomFeed, atomHeaders, feedTeams } from '../../../site/feeds.ts';

export const getStaticPaths = (async () => feedTeams(await getCatalogue()).map(({ team, name }) => ({ params: { team }, props: { name } }))) satisfies GetStaticPaths;

/** `dist/feeds/teams/<team>.xml`: what the team must do (its review queue) and its documents as they change. */
export const GET: APIRoute = async ({ params, props, site }) => {
  const catalogue = await getCatalogue();
  const team = params.team!;
  const spec = {
    path: `/feeds/teams/${team}.xml`,
    title: `Cairn: ${(props as { name: string }).name}`,
    description: `Overdue reviews, verifications and action items of ${(props as { name: string }).name}, and its documents as they are written and revised.`,
    docs: catalogue.all.filter((d) => d.owner === team),
    due: catalogue.review.teams.find((t) => t.team === team)?.items ?? [],
  };
  return new Response(atomFeed(catalogue, site!, spec), { headers: atomHeaders });
};
