import type { PlanItem, PlanItemInput } from '@steerco/contract/plans';

export const QUARTERS = [1, 2, 3, 4] as const;
export const ROMAN = ['I', 'II', 'III', 'IV'] as const;
const QUARTER_END = ['03-31', '06-30', '09-30', '12-31'];

/** The first and last day of a quarter of the plan year (`YYYY-MM-DD`): an item's deadline lies from the first. */
export const quarterStart = (year: number, q: number) =>
  `${year}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`;
export const quarterEnd = (year: number, q: number) => `${year}-${QUARTER_END[q - 1]}`;

export interface DomainGroup {
  domain: string;
  domainName: string;
  quarters: { quarter: number; items: PlanItem[] }[];
}

/**
 * The plan's table as people read it: by domain (in the committee's order of domains), then by quarter, then by
 * deadline and position.
 */
export function groupItems(items: PlanItem[], domainOrder: string[]): DomainGroup[] {
  const rank = (code: string) => {
    const i = domainOrder.indexOf(code);
    return i < 0 ? domainOrder.length : i;
  };
  const domains = [...new Set(items.map((i) => i.domain))].sort(
    (a, b) => rank(a) - rank(b) || a.localeCompare(b),
  );
  return domains.map((domain) => {
    const mine = items.filter((i) => i.domain === domain);
    return {
      domain,
      domainName: mine[0]!.domainName,
      quarters: QUARTERS.map((quarter) => ({
        quarter,
        items: mine
          .filter((i) => i.quarter === quarter)
          .sort((a, b) => a.deadline.localeCompare(b.deadline) || a.position - b.position),
      })).filter((q) => q.items.length > 0),
    };
  });
}

/** An item as shown, back into what the editor sends (the whole list is replaced on every change). */
export function inputOf(item: PlanItem): PlanItemInput {
  return {
    domain: item.domain,
    quarter: item.quarter,
    title: item.title,
    content: item.content,
    leadUnitId: item.leadUnit?.id ?? null,
    leadMembershipId: item.leadMember?.membershipId ?? null,
    cooperatingUnitIds: item.cooperatingUnits.map((u) => u.id),
    expectedProduct: item.expectedProduct,
    deadline: item.deadline,
  };
}

/**
 * The server's field errors of the item at `index` of the list it was sent (`items.<n>.<field>`), by field name:
 * the item dialog puts them on its own fields.
 */
export function itemFieldErrors(
  errors: { path: string; message: string }[] | undefined,
  index: number,
): Record<string, string> {
  const prefix = new RegExp(`^(body\\.)?items\\.${index}\\.([A-Za-z]+)`);
  const out: Record<string, string> = {};
  for (const e of errors ?? []) {
    const m = prefix.exec(e.path);
    if (m && !out[m[2]!]) out[m[2]!] = e.message;
  }
  return out;
}
