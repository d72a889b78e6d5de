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

/**
 * Every action the server authorises. Committee-level actions (meetings, tasks, …) join this list as their
 * modules arrive; each is decided in `can` below, so there is one place to read who may do what.
 */
export type Action = 'users.read' | 'users.manage' | 'units.read' | 'units.manage' | 'calendar.manage';

/** What a route declares: who may call it at all. Finer, per-record checks happen in the service. */
export type RoutePermission = 'public' | 'authenticated' | Action;

/** A record the action applies to, described by what the rules need to know about it. */
export interface Resource {
  /** Path of the administrative unit the record belongs to ('/a/b/c/'). */
  unitPath?: string | null;
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
    case 'users.read':
    case 'users.manage':
      if (actor.systemRole === 'systemAdmin') return true;
      // A unit administrator (e.g. a province's) manages the accounts of its own unit and the units below it.
      if (actor.systemRole === 'unitAdmin') return resource ? withinUnit(actor, resource) : true;
      return false;
  }
}

export function assertCan(actor: Actor, action: Action, resource?: Resource): void {
  if (!can(actor, action, resource)) throw new AppError('permission.denied');
}
