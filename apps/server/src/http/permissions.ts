import type { SystemRole, User } from '@steerco/contract/users';
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

/** The system-wide actions, decided here: accounts, the unit tree, the calendar, founding committees. */
export type SystemAction =
  | 'users.read'
  | 'users.manage'
  | 'units.read'
  | 'units.manage'
  | 'calendar.manage'
  | 'committees.create';

/**
 * The actions a module's policy decides. The module declares them (declaration merging) and registers its
 * policy at start-up (src/wiring.ts): committees.policy.ts adds the committee actions (meetings, tasks, …).
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the modules (declaration merging)
export interface PolicyActions {}

/** Every action the server authorises. */
export type Action = SystemAction | keyof PolicyActions;

/** What a route declares: who may call it at all. Finer, per-record checks happen in the service. */
export type RoutePermission = 'public' | 'authenticated' | SystemAction;

/**
 * A record the action applies to, described by what the rules need to know about it. Modules add what their
 * policy reads (committees.policy.ts: the actor's standing on the committee).
 */
export interface Resource {
  /** Path of the administrative unit the record belongs to ('/a/b/c/'). */
  unitPath?: string | null;
  /** The domain (CCHC, CDS, DA06, …) an action concerns, for domain-scoped delegations. */
  domain?: string | null;
}

/** A module's rules for its actions. */
export type Policy = (actor: Actor, action: keyof PolicyActions, resource?: Resource) => boolean;

const policies = new Map<string, Policy>();

/** Makes `policy` the judge of `actions`; each action has one policy. Called by src/wiring.ts at start-up. */
export function registerPolicy(actions: readonly (keyof PolicyActions)[], policy: Policy): void {
  for (const action of actions) {
    const known = policies.get(action);
    if (known && known !== policy) throw new Error(`two policies decide ${action}`);
    policies.set(action, policy);
  }
}

/** Is the resource within the actor's unit subtree (a unit administrator's reach)? */
export const withinUnit = (actor: Actor, resource: Resource) =>
  !!actor.unitPath && !!resource.unitPath && resource.unitPath.startsWith(actor.unitPath);

/**
 * May `actor` perform `action` (on `resource`, when given)? Without a resource the question is "could this
 * actor perform it on some record" — what a route checks before the record is loaded. System actions are
 * decided here; the others by the policy their module registered.
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
    default: {
      const policy = policies.get(action);
      if (!policy) throw new Error(`no policy decides ${action}: register it in src/wiring.ts`);
      return policy(actor, action, resource);
    }
  }
}

export function assertCan(actor: Actor, action: Action, resource?: Resource): void {
  if (!can(actor, action, resource)) throw new AppError('permission.denied');
}
