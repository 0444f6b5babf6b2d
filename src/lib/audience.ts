/** Who a build is for; a build contains nothing above its audience. */
export type Audience = 'public' | 'internal' | 'restricted';

const rank: Record<Audience, number> = { public: 0, internal: 1, restricted: 2 };

export function isAudience(value: string): value is Audience {
  return Object.hasOwn(rank, value);
}

/** Whether a document of this visibility may appear in a build for this audience. */
export function visibleTo(audience: Audience, visibility: Audience): boolean {
  return rank[visibility] <= rank[audience];
}
