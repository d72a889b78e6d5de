import { Badge, Group, Tooltip } from '@mantine/core';
import type { DecisionRef } from '@steerco/contract/committees';
import { formatDate } from '@steerco/contract/datetime';
import type { CommitteeRole } from '@steerco/contract/memberships';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

const ROLE_COLORS: Record<CommitteeRole, string> = {
  head: 'govRed',
  deputyHead: 'orange',
  secretary: 'blue',
  member: 'teal',
  residentialGroupHead: 'grape',
  guest: 'gray',
};

export function RoleBadge({ role, isStanding }: { role: CommitteeRole; isStanding?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="wrap">
      <Badge
        color={ROLE_COLORS[role]}
        h="auto"
        mih={22}
        styles={{ label: { whiteSpace: 'normal', overflow: 'visible', lineHeight: 1.3, paddingBlock: 2 } }}
      >
        {t(`committees.roles.${role}`)}
      </Badge>
      {isStanding && (
        <Badge color="orange" variant="outline">
          {t('committees.standing')}
        </Badge>
      )}
    </Group>
  );
}

const STATUS_COLORS = { active: 'teal', merged: 'gray', dissolved: 'red' } as const;

export function CommitteeStatusBadge({ status }: { status: keyof typeof STATUS_COLORS }) {
  const { t } = useTranslation();
  return <Badge color={STATUS_COLORS[status]}>{t(`committees.status.${status}`)}</Badge>;
}

/** The domain codes' usual written forms (the codes themselves carry no diacritics). */
const DOMAIN_SHORT: Record<string, string> = { CDS: 'CĐS', DA06: 'ĐA06' };

export const domainShort = (code: string) => DOMAIN_SHORT[code] ?? code;

const DOMAIN_COLORS: Record<string, string> = { CCHC: 'blue', CDS: 'cyan', DA06: 'indigo' };

/** A domain as a short badge; its full name (from the committee's domains) on hover. */
export function DomainBadge({ code, name }: { code: string; name?: string }) {
  const badge = <Badge color={DOMAIN_COLORS[code] ?? 'gray'}>{domainShort(code)}</Badge>;
  return name ? (
    <Tooltip label={name} withArrow>
      {badge}
    </Tooltip>
  ) : (
    badge
  );
}

export function DomainBadges({
  codes,
  domains,
}: {
  codes: string[];
  domains?: { code: string; name: string }[];
}) {
  return (
    <Group gap={4} wrap="wrap">
      {codes.map((code) => (
        <DomainBadge key={code} code={code} name={domains?.find((d) => d.code === code)?.name} />
      ))}
    </Group>
  );
}

/** "51/QĐ-UBND ngày 06/03/2024", or the "not recorded" text. */
export function formatDecision(decision: DecisionRef | null | undefined, t: TFunction): string {
  if (!decision) return t('decision.none');
  return t('decision.summary', { number: decision.number, date: formatDate(decision.date) });
}

/** "15/05/2024 – 31/12/2026" or "Từ 15/05/2024". */
export function formatPeriod(from: string | null, to: string | null, t: TFunction): string {
  if (!from) return to ? formatDate(to) : t('common.notSet');
  return to
    ? t('common.dateRange', { from: formatDate(from), to: formatDate(to) })
    : t('common.fromDate', { date: formatDate(from) });
}
