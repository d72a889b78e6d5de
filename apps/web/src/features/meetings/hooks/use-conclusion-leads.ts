import { useQuery } from '@tanstack/react-query';
import { committeeQueryOptions, membersQueryOptions } from '../../committees/api.ts';
import { domainShort } from '../../committees/components/committee-badges.tsx';
import type { MeetingView } from '../api.ts';

export type ConclusionLeads = ReturnType<typeof useConclusionLeads>;

/** The units and members a task may be led by (R1: never the committee itself). */
export function useConclusionLeads(meeting: MeetingView) {
  const committee = useQuery(committeeQueryOptions(meeting.committeeId));
  const members = useQuery(membersQueryOptions(meeting.committeeId));
  const seats = (members.data ?? []).filter((m) => m.role !== 'guest');
  const units = [
    ...new Map(seats.filter((m) => m.unitId).map((m) => [m.unitId!, m.unitName ?? m.unitId!])).entries(),
  ].map(([value, label]) => ({ value, label }));
  return {
    domains: (committee.data?.domains ?? []).map((d) => ({
      value: d.code,
      label: `${domainShort(d.code)} — ${d.name}`,
    })),
    units,
    members: seats.map((m) => ({ value: m.id, label: m.fullName })),
  };
}
