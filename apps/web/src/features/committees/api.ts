import type { CommitteeDetail } from '@steerco/contract/committees';
import type { CreateDelegationBody } from '@steerco/contract/delegations';
import type {
  CreateMembershipBody,
  Membership,
  ReplaceDutiesBody,
  UpdateMembershipBody,
} from '@steerco/contract/memberships';
import type { RuleSettings } from '@steerco/contract/regulation';
import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQueries,
  useQueryClient,
} from '@tanstack/react-query';
import { api, dataOf } from '../../api/client.ts';

export {
  COMMITTEE_TABS,
  type CommitteeSearch,
  type CommitteesSearch,
  type CommitteeTab,
  parseCommitteeSearch,
  parseCommitteesSearch,
} from './search.ts';

/** What the signed-in person may do here, as the server computed it (it enforces the same rules anyway). */
export type CommitteePermission =
  | 'committee.edit'
  | 'committee.manageMembers'
  | 'committee.manageDuties'
  | 'committee.delegate'
  | 'committee.manageStructure'
  | 'committee.editRegulation'
  | 'committee.editSettings'
  | 'personnel.propose'
  | 'personnel.decide';

export const canOn = (committee: Pick<CommitteeDetail, 'myPermissions'>, action: CommitteePermission) =>
  committee.myPermissions.includes(action);

const committeeKeys = {
  all: ['committees'] as const,
  list: (query: { parentId?: string; q?: string; mine?: boolean }) => ['committees', 'list', query] as const,
  one: (id: string) => ['committees', id] as const,
  detail: (id: string) => ['committees', id, 'detail'] as const,
  members: (id: string, query: MembersQuery) => ['committees', id, 'members', query] as const,
  duties: (id: string, membershipId: string) => ['committees', id, 'duties', membershipId] as const,
  delegations: (id: string) => ['committees', id, 'delegations'] as const,
  agencies: (id: string) => ['committees', id, 'standing-agencies'] as const,
  groups: (id: string) => ['committees', id, 'working-groups'] as const,
  personnel: (id: string) => ['committees', id, 'personnel-changes'] as const,
  regulation: (id: string) => ['committees', id, 'regulation'] as const,
};

// ——— Committees ———

async function fetchCommittees(query: { parentId?: string; q?: string; mine?: boolean }) {
  return dataOf(
    await api.GET('/api/v1/committees', {
      params: {
        query: { parentId: query.parentId, q: query.q, mine: query.mine ? 'true' : undefined },
      },
    }),
  ).items;
}
export type CommitteeSummary = Awaited<ReturnType<typeof fetchCommittees>>[number];

/** Every committee I may see (or only mine, or those matching `q`), in tree order. */
export const committeesQueryOptions = (query: { q?: string; mine?: boolean } = {}) =>
  queryOptions({
    queryKey: committeeKeys.list(query),
    queryFn: () => fetchCommittees(query),
    placeholderData: keepPreviousData,
  });

export const childCommitteesQueryOptions = (parentId: string) =>
  queryOptions({
    queryKey: committeeKeys.list({ parentId }),
    queryFn: () => fetchCommittees({ parentId }),
    staleTime: 60_000,
  });

/**
 * The tops of the visible tree: committees whose parent I cannot see (a ward secretary's own ward; a system
 * administrator's national or provincial committees). Each expands to its children on demand.
 */
export function treeRoots<C extends { id: string; parentId: string | null }>(committees: C[]): C[] {
  const visible = new Set(committees.map((c) => c.id));
  return committees.filter((c) => !c.parentId || !visible.has(c.parentId));
}

export const committeeQueryOptions = (id: string) =>
  queryOptions({
    queryKey: committeeKeys.detail(id),
    queryFn: async () =>
      dataOf(await api.GET('/api/v1/committees/{id}', { params: { path: { id } } })) as CommitteeDetail,
  });

/** After any change on a committee, everything shown about it is read again (members, duties, counts …). */
function useInvalidateCommittee(committeeId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: committeeKeys.one(committeeId) }),
      queryClient.invalidateQueries({ queryKey: ['committees', 'list'] }),
    ]);
}

// ——— Members ———

/** `at`: members on that date; `includeEnded`: the whole membership history. */
export interface MembersQuery {
  at?: string;
  includeEnded?: boolean;
}

export const membersQueryOptions = (committeeId: string, query: MembersQuery = {}) =>
  queryOptions({
    queryKey: committeeKeys.members(committeeId, query),
    queryFn: async (): Promise<Membership[]> =>
      dataOf(
        await api.GET('/api/v1/committees/{id}/members', {
          params: {
            path: { id: committeeId },
            query: { at: query.at, includeEnded: query.includeEnded ? 'true' : undefined },
          },
        }),
      ).items,
    placeholderData: keepPreviousData,
  });

export function useAddMember(committeeId: string) {
  const onSuccess = useInvalidateCommittee(committeeId);
  return useMutation({
    mutationFn: async (body: CreateMembershipBody) =>
      dataOf(
        await api.POST('/api/v1/committees/{id}/members', { params: { path: { id: committeeId } }, body }),
      ),
    onSuccess,
  });
}

export function useUpdateMember(committeeId: string) {
  const onSuccess = useInvalidateCommittee(committeeId);
  return useMutation({
    mutationFn: async ({ membershipId, body }: { membershipId: string; body: UpdateMembershipBody }) =>
      dataOf(
        await api.PATCH('/api/v1/committees/{id}/members/{membershipId}', {
          params: { path: { id: committeeId, membershipId } },
          body,
        }),
      ),
    onSuccess,
  });
}

export function useEndMember(committeeId: string) {
  const onSuccess = useInvalidateCommittee(committeeId);
  return useMutation({
    mutationFn: async ({
      membershipId,
      body,
    }: {
      membershipId: string;
      body: { endDate: string; reason: string };
    }) =>
      dataOf(
        await api.POST('/api/v1/committees/{id}/members/{membershipId}/end', {
          params: { path: { id: committeeId, membershipId } },
          body,
        }),
      ),
    onSuccess,
  });
}

/** A file as a multipart body. The OpenAPI document does not describe multipart bodies, hence the cast. */
const fileBody = (file: File) => {
  const form = new FormData();
  form.append('file', file);
  return form as never;
};

/** Imports an Excel member list; a 422 `import.invalidRows` carries every bad row and nothing is written. */
export function useImportMembers(committeeId: string) {
  const onSuccess = useInvalidateCommittee(committeeId);
  return useMutation({
    mutationFn: async (file: File) =>
      dataOf(
        await api.POST('/api/v1/committees/{id}/members/import', {
          params: { path: { id: committeeId } },
          body: fileBody(file),
        }),
      ),
    onSuccess,
  });
}

export const membersExportUrl = (committeeId: string) =>
  `/api/v1/committees/${committeeId}/members/export.xlsx`;
export const MEMBERS_TEMPLATE_URL = '/api/v1/committees/members-template.xlsx';
export const fileDownloadUrl = (fileId: string) => `/api/v1/files/${fileId}`;

// ——— Duties (R7) ———

async function fetchDuties(committeeId: string, membershipId: string) {
  return dataOf(
    await api.GET('/api/v1/committees/{id}/members/{membershipId}/duties', {
      params: { path: { id: committeeId, membershipId } },
    }),
  );
}
export type DutyList = Awaited<ReturnType<typeof fetchDuties>>;
export type DutyRevision = DutyList['history'][number];

export const dutiesQueryOptions = (committeeId: string, membershipId: string) =>
  queryOptions({
    queryKey: committeeKeys.duties(committeeId, membershipId),
    queryFn: () => fetchDuties(committeeId, membershipId),
  });

/** The duty lists of several members at once (the duties tab shows every member's). */
export function useDutiesOf(committeeId: string, membershipIds: string[]) {
  return useQueries({
    queries: membershipIds.map((membershipId) => dutiesQueryOptions(committeeId, membershipId)),
  });
}

/** Saves a new version; a 409 `duties.versionConflict` means someone saved in between (reload, then edit). */
export function useReplaceDuties(committeeId: string) {
  const onSuccess = useInvalidateCommittee(committeeId);
  return useMutation({
    mutationFn: async ({ membershipId, body }: { membershipId: string; body: ReplaceDutiesBody }) =>
      dataOf(
        await api.PUT('/api/v1/committees/{id}/members/{membershipId}/duties', {
          params: { path: { id: committeeId, membershipId } },
          body,
        }),
      ),
    onSuccess,
  });
}

// ——— Delegations (R3, R4) ———

export const delegationsQueryOptions = (committeeId: string) =>
  queryOptions({
    queryKey: committeeKeys.delegations(committeeId),
    queryFn: async () =>
      dataOf(await api.GET('/api/v1/committees/{id}/delegations', { params: { path: { id: committeeId } } }))
        .items,
  });

export function useCreateDelegation(committeeId: string) {
  const onSuccess = useInvalidateCommittee(committeeId);
  return useMutation({
    mutationFn: async (body: CreateDelegationBody) =>
      dataOf(
        await api.POST('/api/v1/committees/{id}/delegations', {
          params: { path: { id: committeeId } },
          body,
        }),
      ),
    onSuccess,
  });
}

export function useRevokeDelegation(committeeId: string) {
  const onSuccess = useInvalidateCommittee(committeeId);
  return useMutation({
    mutationFn: async (delegationId: string) =>
      dataOf(
        await api.POST('/api/v1/committees/{id}/delegations/{delegationId}/revoke', {
          params: { path: { id: committeeId, delegationId } },
        }),
      ),
    onSuccess,
  });
}

// ——— Standing agencies (R2) and working groups (R6) ———

async function fetchStandingAgencies(committeeId: string) {
  return dataOf(
    await api.GET('/api/v1/committees/{id}/standing-agencies', { params: { path: { id: committeeId } } }),
  ).items;
}
export type StandingAgency = Awaited<ReturnType<typeof fetchStandingAgencies>>[number];

export const standingAgenciesQueryOptions = (committeeId: string) =>
  queryOptions({
    queryKey: committeeKeys.agencies(committeeId),
    queryFn: () => fetchStandingAgencies(committeeId),
  });

export function useAddStandingAgency(committeeId: string) {
  const onSuccess = useInvalidateCommittee(committeeId);
  return useMutation({
    mutationFn: async (body: { unitId: string; domains: string[]; responsibilities: string | null }) =>
      dataOf(
        await api.POST('/api/v1/committees/{id}/standing-agencies', {
          params: { path: { id: committeeId } },
          body,
        }),
      ),
    onSuccess,
  });
}

export function useRemoveStandingAgency(committeeId: string) {
  const onSuccess = useInvalidateCommittee(committeeId);
  return useMutation({
    mutationFn: async (agencyId: string) => {
      await api.DELETE('/api/v1/committees/{id}/standing-agencies/{agencyId}', {
        params: { path: { id: committeeId, agencyId } },
      });
    },
    onSuccess,
  });
}

async function fetchWorkingGroups(committeeId: string) {
  return dataOf(
    await api.GET('/api/v1/committees/{id}/working-groups', { params: { path: { id: committeeId } } }),
  ).items;
}
export type WorkingGroup = Awaited<ReturnType<typeof fetchWorkingGroups>>[number];
export type WorkingGroupBody = Omit<
  WorkingGroup,
  'id' | 'committeeId' | 'leaderName' | 'members' | 'establishingDecision'
> & {
  memberUserIds: string[];
  establishingDecision: { number: string; date: string; signer?: string | null } | null;
};

export const workingGroupsQueryOptions = (committeeId: string) =>
  queryOptions({
    queryKey: committeeKeys.groups(committeeId),
    queryFn: () => fetchWorkingGroups(committeeId),
  });

/** Creates a working group, or replaces one when `groupId` is given. */
export function useSaveWorkingGroup(committeeId: string) {
  const onSuccess = useInvalidateCommittee(committeeId);
  return useMutation({
    mutationFn: async ({ groupId, body }: { groupId?: string; body: WorkingGroupBody }) =>
      dataOf(
        groupId
          ? await api.PUT('/api/v1/committees/{id}/working-groups/{groupId}', {
              params: { path: { id: committeeId, groupId } },
              body,
            })
          : await api.POST('/api/v1/committees/{id}/working-groups', {
              params: { path: { id: committeeId } },
              body,
            }),
      ),
    onSuccess,
  });
}

// ——— Personnel changes (R14) ———

async function fetchPersonnelChanges(committeeId: string) {
  return dataOf(
    await api.GET('/api/v1/committees/{id}/personnel-changes', { params: { path: { id: committeeId } } }),
  ).items;
}
export type PersonnelChange = Awaited<ReturnType<typeof fetchPersonnelChanges>>[number];

export const personnelChangesQueryOptions = (committeeId: string) =>
  queryOptions({
    queryKey: committeeKeys.personnel(committeeId),
    queryFn: () => fetchPersonnelChanges(committeeId),
  });

/** Stores a file of the committee (the unit's report); its type is checked by content on the server. */
export function useUploadCommitteeFile(committeeId: string) {
  return useMutation({
    mutationFn: async (file: File) =>
      dataOf(
        await api.POST('/api/v1/committees/{id}/files', {
          params: { path: { id: committeeId } },
          body: fileBody(file),
        }),
      ),
  });
}

export interface ProposePersonnelChange {
  membershipId: string;
  replacementUserId: string;
  reportNumber: string | null;
  reportDate: string;
  reportFileId: string | null;
  reason: string;
  effectiveDate: string;
}

export function useProposePersonnelChange(committeeId: string) {
  const onSuccess = useInvalidateCommittee(committeeId);
  return useMutation({
    mutationFn: async (body: ProposePersonnelChange) =>
      dataOf(
        await api.POST('/api/v1/committees/{id}/personnel-changes', {
          params: { path: { id: committeeId } },
          body,
        }),
      ),
    onSuccess,
  });
}

export function useDecidePersonnelChange(committeeId: string) {
  const onSuccess = useInvalidateCommittee(committeeId);
  return useMutation({
    mutationFn: async ({
      changeId,
      body,
    }: {
      changeId: string;
      body: { decision: 'approve' | 'reject'; note?: string };
    }) =>
      dataOf(
        await api.POST('/api/v1/committees/{id}/personnel-changes/{changeId}/decide', {
          params: { path: { id: committeeId, changeId } },
          body,
        }),
      ),
    onSuccess,
  });
}

// ——— Regulation (R21) and rule settings ———

async function fetchRegulation(committeeId: string) {
  return dataOf(
    await api.GET('/api/v1/committees/{id}/regulation', { params: { path: { id: committeeId } } }),
  );
}
export type Regulation = Awaited<ReturnType<typeof fetchRegulation>>;

export const regulationQueryOptions = (committeeId: string) =>
  queryOptions({
    queryKey: committeeKeys.regulation(committeeId),
    queryFn: () => fetchRegulation(committeeId),
  });

export interface RegulationVersionBody {
  title: string;
  body: string;
  decision: { number: string; date: string; signer?: string | null } | null;
  effectiveFrom: string;
  changeNote: string | null;
}

export function useAddRegulationVersion(committeeId: string) {
  const onSuccess = useInvalidateCommittee(committeeId);
  return useMutation({
    mutationFn: async (body: RegulationVersionBody) =>
      dataOf(
        await api.POST('/api/v1/committees/{id}/regulation/versions', {
          params: { path: { id: committeeId } },
          body,
        }),
      ),
    onSuccess,
  });
}

export function useUpdateSettings(committeeId: string) {
  const onSuccess = useInvalidateCommittee(committeeId);
  return useMutation({
    mutationFn: async (body: RuleSettings) =>
      dataOf(
        await api.PUT('/api/v1/committees/{id}/settings', { params: { path: { id: committeeId } }, body }),
      ),
    onSuccess,
  });
}
