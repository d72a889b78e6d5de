import type { CommitteeRole, Membership } from '@steerco/contract/memberships';

/** Order of roles everywhere in the UI, as the server lists members (R3–R6). */
export const ROLE_ORDER: CommitteeRole[] = [
  'head',
  'deputyHead',
  'secretary',
  'member',
  'residentialGroupHead',
  'guest',
];

/** The tiers of the organisation chart, top to bottom. */
export interface OrgChart<M> {
  heads: M[];
  /** Standing deputies first (R4), then the others. */
  deputies: M[];
  secretaries: M[];
  members: M[];
  residentialGroupHeads: M[];
  guests: M[];
}

export function orgChartOf<M extends Pick<Membership, 'role' | 'isStanding' | 'fullName'>>(
  members: M[],
): OrgChart<M> {
  const byName = (a: M, b: M) => a.fullName.localeCompare(b.fullName, 'vi');
  const of = (role: CommitteeRole) => members.filter((m) => m.role === role);
  return {
    heads: of('head'),
    deputies: of('deputyHead').sort((a, b) => Number(b.isStanding) - Number(a.isStanding) || byName(a, b)),
    secretaries: of('secretary'),
    members: of('member'),
    residentialGroupHeads: of('residentialGroupHead'),
    guests: of('guest'),
  };
}

export type DelegationState = 'active' | 'upcoming' | 'expired' | 'revoked';

/** Where a delegation stands on `today` (ISO date): revoked wins, then its validity period. */
export function delegationState(
  delegation: { revokedAt: string | null; validFrom: string; validTo: string },
  today: string,
): DelegationState {
  if (delegation.revokedAt) return 'revoked';
  if (delegation.validFrom > today) return 'upcoming';
  if (delegation.validTo < today) return 'expired';
  return 'active';
}

export interface DutyItem {
  id: string;
  domain: string | null;
  text: string;
}

export interface DomainDuties<M> {
  /** A domain code, or null for duties of no particular domain ("Chung"). */
  domain: string | null;
  members: { member: M; items: DutyItem[] }[];
}

/**
 * Every member's duties regrouped by domain, in the committee's domain order, then the duties of no domain
 * and of domains the committee no longer has. Members keep the order they come in (by role).
 */
export function dutiesByDomain<M>(
  domains: string[],
  lists: { member: M; items: DutyItem[] }[],
): DomainDuties<M>[] {
  const order: (string | null)[] = [...domains];
  for (const { items } of lists) {
    for (const item of items) if (!order.includes(item.domain)) order.push(item.domain);
  }
  // Domain-less duties after the committee's domains, unknown codes last.
  order.sort((a, b) => rank(a) - rank(b));
  function rank(code: string | null) {
    if (code === null) return domains.length;
    const index = domains.indexOf(code);
    return index === -1 ? domains.length + 1 : index;
  }
  return order
    .map((domain) => ({
      domain,
      members: lists
        .map(({ member, items }) => ({ member, items: items.filter((item) => item.domain === domain) }))
        .filter(({ items }) => items.length > 0),
    }))
    .filter((group) => group.members.length > 0);
}

/** What a personnel change moved to the replacement (R14), as `{kind, count}` pairs worth mentioning. */
export function movedItemsOf(movedItems: Record<string, number> | null): { kind: string; count: number }[] {
  if (!movedItems) return [];
  return Object.entries(movedItems).map(([kind, count]) => ({ kind, count }));
}
