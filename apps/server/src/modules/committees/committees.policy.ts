import type { DelegationScope } from '@steerco/contract/delegations';
import type { CommitteeRole } from '@steerco/contract/memberships';
import { type Actor, type Resource, withinUnit } from '../../http/permissions.ts';

declare module '../../http/permissions.ts' {
  interface PolicyActions extends Record<CommitteeAction, true> {}
  interface Resource {
    /** For committee actions: the actor's standing on that committee. */
    committee?: CommitteeAccess;
  }
}

/** Actions on one committee. Their rules are the tables below, applied by `canOnCommittee`. */
export type CommitteeAction =
  | 'committee.view'
  | 'committee.edit'
  | 'committee.manageMembers'
  | 'committee.manageDuties'
  | 'committee.delegate'
  | 'committee.manageStructure'
  | 'committee.editRegulation'
  | 'committee.editSettings'
  | 'personnel.propose'
  | 'personnel.decide'
  | 'meeting.manage'
  | 'document.manage'
  | 'meeting.chair'
  | 'document.sign'
  | 'absence.approve'
  | 'task.updateOwn'
  | 'task.viewNeighbourhood'
  | 'task.manage'
  | 'task.review'
  | 'task.decideExtension'
  | 'plan.manage';

export const COMMITTEE_ACTIONS: CommitteeAction[] = [
  'committee.view',
  'committee.edit',
  'committee.manageMembers',
  'committee.manageDuties',
  'committee.delegate',
  'committee.manageStructure',
  'committee.editRegulation',
  'committee.editSettings',
  'personnel.propose',
  'personnel.decide',
  'meeting.manage',
  'document.manage',
  'meeting.chair',
  'document.sign',
  'absence.approve',
  'task.updateOwn',
  'task.viewNeighbourhood',
  'task.manage',
  'task.review',
  'task.decideExtension',
  'plan.manage',
];

/** Acting for the head: allowed to the head, and to others only through a delegation with this scope (R3, R4). */
export const DELEGABLE: Partial<Record<CommitteeAction, DelegationScope>> = {
  'meeting.chair': 'chairMeetings',
  'document.sign': 'signDocuments',
  'absence.approve': 'approveAbsences',
  'task.decideExtension': 'decideTaskExtensions',
};

/** The action each delegation scope lets a delegate perform. */
export const ACTION_OF_SCOPE = Object.fromEntries(
  Object.entries(DELEGABLE).map(([action, scope]) => [scope, action as CommitteeAction]),
) as Record<DelegationScope, CommitteeAction>;

const VIEW_AND_OWN_TASKS: CommitteeAction[] = ['committee.view', 'task.updateOwn', 'personnel.propose'];

/**
 * What each role may do on its own committee. The head directs everything (R3); the standing agency's staff
 * (secretary) prepares and records — members, duties, structure, the regulation's drafts, delegations the
 * head signed (R5); members update their own tasks; residential group heads also see their neighbourhood's
 * tasks. Chairing, signing and approving absences are the head's, or a delegate's within scope (DELEGABLE).
 */
export const ROLE_PERMISSIONS: Record<CommitteeRole, CommitteeAction[]> = {
  head: COMMITTEE_ACTIONS.filter((a) => a !== 'task.viewNeighbourhood'),
  // Issue #8: the deputy assigns, reviews and cancels tasks with the head; extensions are the head's (or by delegation).
  deputyHead: [...VIEW_AND_OWN_TASKS, 'task.manage', 'task.review'],
  secretary: [
    ...VIEW_AND_OWN_TASKS,
    'committee.edit',
    'committee.manageMembers',
    'committee.manageDuties',
    'committee.delegate',
    'committee.manageStructure',
    'committee.editRegulation',
    'committee.editSettings',
    'meeting.manage',
    'document.manage',
    // R5: the standing agency follows up and chases the conclusions: it assigns, reviews and cancels tasks.
    'task.manage',
    'task.review',
    // R5: the standing agency drafts the annual work plan (the head approves it, or a deputy by delegation).
    'plan.manage',
  ],
  member: [...VIEW_AND_OWN_TASKS],
  residentialGroupHead: [...VIEW_AND_OWN_TASKS, 'task.viewNeighbourhood'],
  guest: [],
};

/** What administrators (system, or of the committee's unit) may do: set the committee up, never act for the head. */
export const ADMIN_PERMISSIONS: CommitteeAction[] = [
  'committee.view',
  'committee.edit',
  'committee.manageMembers',
  'committee.manageDuties',
  'committee.manageStructure',
  'committee.editRegulation',
  'committee.editSettings',
  'personnel.propose',
];

/** Everything `can` needs to know about one actor on one committee, on one date. */
export interface CommitteeAccess {
  committeeId: string;
  /** The committee's administrative unit path, for unit administrators. */
  unitPath: string;
  /** The actor's seat on this committee on that date, if any. */
  membership: { id: string; role: CommitteeRole } | null;
  /** Delegations in force on that date to the actor's seat. */
  delegations: { id: string; scopes: DelegationScope[]; domains: string[] }[];
  /** The actor sits on a committee above this one (district over its wards): may look, not act. */
  oversight: boolean;
}

/**
 * The committee policy (registered for COMMITTEE_ACTIONS in src/wiring.ts): the actor's role on the committee,
 * delegations in force, administrators' set-up rights.
 */
export function canOnCommittee(actor: Actor, action: CommitteeAction, resource?: Resource): boolean {
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
