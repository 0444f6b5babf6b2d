import { collections } from '../schemas/index.ts';

export interface NavLink {
  href: string;
  label: string;
}
export interface NavGroup {
  label: string;
  links: NavLink[];
}

const collectionLink = (name: keyof typeof collections): NavLink => ({ href: `/${name}/`, label: collections[name].label.replace('Mentorship guides', 'Guides') });

/**
 * The site's sections, grouped by what a reader came to do: keep systems running, deliver
 * projects and learn from them, or find people and guidance. Every collection and view is in
 * exactly one group.
 */
export const navigation: readonly NavGroup[] = [
  { label: 'Operate', links: [collectionLink('incidents'), collectionLink('runbooks'), collectionLink('playbooks'), collectionLink('services')] },
  {
    label: 'Deliver',
    links: [collectionLink('projects'), collectionLink('retrospectives'), { href: '/lessons/', label: 'Lessons' }, { href: '/impact/', label: 'Impact' }, { href: '/insights/', label: 'Insights' }],
  },
  { label: 'People', links: [collectionLink('guides'), collectionLink('teams'), { href: '/review/', label: 'Review queue' }] },
];

/** The link of the section a page belongs to (its first path segment), if any; it is the current page only when the paths are equal. */
export function currentLink(pathname: string): NavLink | undefined {
  const section = pathname.split('/')[1];
  return navigation.flatMap((g) => g.links).find((l) => l.href === `/${section}/`);
}
