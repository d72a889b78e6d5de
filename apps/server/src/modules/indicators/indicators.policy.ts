import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import { type CommitteeAccess, loadCommitteeAccess } from '../committees/access.service.ts';
import { standingAgencyUnits } from '../committees/structure.service.ts';

// Who may do what with indicators (R19, with R2 and R5): the unit that owns a figure enters it — the committee's
// standing agency for the indicator's domain; the standing agency's staff (secretary) or the head approve,
// import and set the committee's own targets; the committee above sets targets and appraises PAR INDEX.

const STEERING_ROLES = new Set(['head', 'secretary']);

/** The standing agency's staff or the head of the committee. */
export const mayApprove = (access: CommitteeAccess) =>
  !!access.membership && STEERING_ROLES.has(access.membership.role);

/**
 * The owner unit of the committee's indicator in `domain`: its standing agency for that domain. A person
 * enters the figure when their unit is that agency; without an agency for the domain, the standing agency's
 * staff (secretary) or the head do.
 */
export async function mayEnter(db: DbOrTx, actor: Actor, access: CommitteeAccess, domain: string) {
  return (await enteringRule(db, actor, access))(domain);
}

/** `mayEnter` for every domain of the committee, with one look at its standing agencies. */
export async function enteringRule(db: DbOrTx, actor: Actor, access: CommitteeAccess) {
  const agencies = await standingAgencyUnits(db, access.committeeId);
  return (domain: string) => {
    const owners = agencies.filter((a) => a.domains.includes(domain)).map((a) => a.unitId);
    if (owners.length) return !!actor.unitId && owners.includes(actor.unitId);
    return mayApprove(access);
  };
}

export async function assertMayEnter(db: DbOrTx, actor: Actor, access: CommitteeAccess, domain: string) {
  if (!(await mayEnter(db, actor, access, domain)))
    throw new AppError('permission.denied', {
      detail: 'Chỉ đơn vị phụ trách chỉ số của Ban Chỉ đạo (cơ quan thường trực lĩnh vực) nhập số liệu này.',
    });
}

export function assertMayApprove(access: CommitteeAccess) {
  if (!mayApprove(access))
    throw new AppError('permission.denied', {
      detail: 'Chỉ cơ quan thường trực (thư ký) hoặc Trưởng Ban phê duyệt số liệu chỉ số.',
    });
}

/** The steering roles of the committee directly above `committee` (targets, appraisal), or null. */
export async function accessAbove(db: DbOrTx, actor: Actor, parentId: string | null) {
  if (!parentId) return null;
  const above = await loadCommitteeAccess(db, actor, parentId).catch(() => null);
  return above && mayApprove(above.access) ? above : null;
}
