import type { SystemRole, User } from '@steerco/contract/users';
import {
  ADMIN_PERMISSIONS,
  type CommitteeAccess,
  type CommitteeAction,
  DELEGABLE,
  ROLE_PERMISSIONS,
} from '../modules/committees/committees.policy.ts';
import { AppError } from './errors.ts';

/** The signed-in person a request acts for. */
export interface Actor {
  userId: string;
  username: string;
  fullName: string;
  systemRole: SystemRole | null;
  unitId: string | null;
  /** Materialised path of the actor's unit, for "within my unit's subtree" checks. */
  unitPath: string | null;
  mustChangePassword: boolean;
  sessionId: string;
  csrfToken: string;
  sessionExpiresAt: Date;
  /** The actor's own account, as /me shows it. */
  profile: User;
}

/**
 * Every action the server authorises. Committee-level actions (meetings, tasks, …) join this list as their
 * modules arrive; each is decided in `can` below, so there is one place to read who may do what.
 */
export type Action =
  | 'users.read'
  | 'users.manage'
  | 'units.read'
  | 'units.manage'
  | 'calendar.manage'
  | 'committees.create'
  | CommitteeAction;

/** What a route declares: who may call it at all. Finer, per-record checks happen in the service. */
export type RoutePermission = 'public' | 'authenticated' | Exclude<Action, CommitteeAction>;

/** A record the action applies to, described by what the rules need to know about it. */
export interface Resource {
  /** Path of the administrative unit the record belongs to ('/a/b/c/'). */
  unitPath?: string | null;
  /** For committee actions: the actor's standing on that committee. */
  committee?: CommitteeAccess;
  /** The domain (CCHC, CDS, DA06, …) an action concerns, for domain-scoped delegations. */
  domain?: string | null;
}

const withinUnit = (actor: Actor, resource: Resource) =>
  !!actor.unitPath && !!resource.unitPath && resource.unitPath.startsWith(actor.unitPath);

/**
 * May `actor` perform `action` (on `resource`, when given)? Without a resource the question is "could this
 * actor perform it on some record" — what a route checks before the record is loaded.
 */
export function can(actor: Actor, action: Action, resource?: Resource): boolean {
  switch (action) {
    case 'units.read':
      return true;
    case 'units.manage':
    case 'calendar.manage':
      return actor.systemRole === 'systemAdmin';
    case 'committees.create':
      if (actor.systemRole === 'systemAdmin') return true;
      return actor.systemRole === 'unitAdmin' && (resource ? withinUnit(actor, resource) : true);
    case 'users.read':
    case 'users.manage':
      if (actor.systemRole === 'systemAdmin') return true;
      // A unit administrator (e.g. a province's) manages the accounts of its own unit and the units below it.
      if (actor.systemRole === 'unitAdmin') return resource ? withinUnit(actor, resource) : true;
      return false;
    default:
      return canOnCommittee(actor, action, resource);
  }
}

/** Committee actions: the actor's role on the committee, delegations in force, administrators' set-up rights. */
function canOnCommittee(actor: Actor, action: CommitteeAction, resource?: Resource): boolean {
  const access = resource?.committee;
  if (!access) return false;
  const isAdmin =
    actor.systemRole === 'systemAdmin' ||
    (actor.systemRole === 'unitAdmin' && withinUnit(actor, { unitPath: access.unitPath }));
  if (isAdmin && ADMIN_PERMISSIONS.includes(action)) return true;
  if (action === 'committee.view' && access.oversight) return true;
  const role = access.membership?.role;
  if (!role) return false;
  if (ROLE_PERMISSIONS[role].includes(action)) return true;
  // R4: beyond the head, acting for the head needs a delegation in force with that scope and domain.
  const scope = DELEGABLE[action];
  return (
    !!scope &&
    access.delegations.some(
      (d) =>
        d.scopes.includes(scope) &&
        (d.domains.length === 0 || (!!resource.domain && d.domains.includes(resource.domain))),
    )
  );
}

export function assertCan(actor: Actor, action: Action, resource?: Resource): void {
  if (!can(actor, action, resource)) throw new AppError('permission.denied');
}
