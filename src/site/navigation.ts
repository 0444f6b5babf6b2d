import { collectionNames, collections, type CollectionName } from '../collections/index.ts';

export interface NavLink {
  href: string;
  label: string;
}
export interface NavGroup {
  label: string;
  links: NavLink[];
}

const collectionLink = (name: CollectionName): NavLink => ({ href: `/${name}/`, label: collections[name].label.replace('Mentorship guides', 'Guides') });
/** Each section's collections, in the registry's order, then its views. */
const section = (label: NavGroup['label'], views: NavLink[]): NavGroup => ({ label, links: [...collectionNames.filter((c) => collections[c].section === label).map(collectionLink), ...views] });

/**
 * The site's sections, grouped by what a reader came to do: keep systems running, deliver
 * projects and learn from them, or find people and guidance. Every collection and view is in
 * exactly one group.
 */
export const navigation: readonly NavGroup[] = [
  section('Operate', []),
  section('Deliver', [
    { href: '/lessons/', label: 'Lessons' },
    { href: '/impact/', label: 'Impact' },
    { href: '/insights/', label: 'Insights' },
  ]),
  section('People', [{ href: '/review/', label: 'Review queue' }]),
];

/** The link of the section a page belongs to (its first path segment), if any; it is the current page only when the paths are equal. */
export function currentLink(pathname: string): NavLink | undefined {
  const section = pathname.split('/')[1];
  return navigation.flatMap((g) => g.links).find((l) => l.href === `/${section}/`);
}
