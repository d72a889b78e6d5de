import type {
  AgendaItem,
  CreateMeetingBody,
  Meeting,
  MeetingDetail,
  RespondBody,
  RsvpBody,
  TaskProposal,
  UpdateMeetingBody,
} from '@steerco/contract/meetings';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from '../../api/client.ts';

export {
  MEETING_TABS,
  type MeetingsSearch,
  type MeetingTab,
  parseLateNoticeSearch,
  parseMeetingSearch,
  parseMeetingsSearch,
  parseRsvpSearch,
} from './search.ts';

/** What the signed-in person may do on a meeting, as the server computed it (it enforces the same anyway). */
export type MeetingPermission = 'meeting.manage' | 'meeting.chair' | 'absence.approve';
export const canOnMeeting = (meeting: Pick<MeetingDetail, 'myPermissions'>, action: MeetingPermission) =>
  meeting.myPermissions.includes(action);

export type MeetingView = MeetingDetail;
export type AgendaItemWithDocuments = AgendaItem;

const meetingKeys = {
  all: ['meetings'] as const,
  list: (query: { committeeId?: string; mine?: boolean }) => ['meetings', 'list', query] as const,
  one: (id: string) => ['meetings', id] as const,
  detail: (id: string) => ['meetings', id, 'detail'] as const,
  opinions: (id: string) => ['meetings', id, 'opinions'] as const,
  attendance: (id: string) => ['meetings', id, 'attendance'] as const,
  minutes: (id: string) => ['meetings', id, 'minutes'] as const,
  rsvp: (token: string) => ['rsvp', token] as const,
  lateLink: (token: string) => ['late-notice-link', token] as const,
};

// ——— Lists ———

/** A committee's meetings, or (without one) every meeting I am invited to. */
export const meetingsQueryOptions = (query: { committeeId?: string; mine?: boolean }) =>
  queryOptions({
    queryKey: meetingKeys.list(query),
    queryFn: async (): Promise<Meeting[]> =>
      dataOf(
        await api.GET('/api/v1/meetings', {
          params: { query: { committeeId: query.committeeId, mine: query.mine ? 'true' : undefined } },
        }),
      ).items as Meeting[],
    placeholderData: keepPreviousData,
  });

export function useCreateMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateMeetingBody) =>
      dataOf(await api.POST('/api/v1/meetings', { body })) as MeetingView,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meetingKeys.all }),
  });
}

/** Drafts the year's periodic meetings from the regulation (R8); quarters already planned are left alone. */
export function useGenerateCalendar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ committeeId, year }: { committeeId: string; year: number }) =>
      dataOf(
        await api.POST('/api/v1/committees/{id}/meetings/generate', {
          params: { path: { id: committeeId } },
          body: { year },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meetingKeys.all }),
  });
}

// ——— One meeting ———

export const meetingQueryOptions = (id: string) =>
  queryOptions({
    queryKey: meetingKeys.detail(id),
    queryFn: async () =>
      dataOf(await api.GET('/api/v1/meetings/{id}', { params: { path: { id } } })) as MeetingView,
    // The roll is live: others answer while the secretary watches it.
    refetchInterval: 30_000,
  });

/** Every change on a meeting may move its roll, opinions, attendance and minutes: read them all again. */
function useMeetingMutation<V, R>(meetingId: string, call: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (result) => {
      if (result && typeof result === 'object' && 'myPermissions' in result) {
        queryClient.setQueryData(meetingKeys.detail(meetingId), result as unknown as MeetingView);
      }
      // Not awaited: the caller's own onSuccess (closing a dialog, clearing a form) must not wait for refetches.
      void queryClient.invalidateQueries({ queryKey: meetingKeys.one(meetingId) });
      void queryClient.invalidateQueries({ queryKey: ['meetings', 'list'] });
    },
  });
}

const path = (id: string) => ({ params: { path: { id } } });

export const useUpdateMeeting = (id: string) =>
  useMeetingMutation(
    id,
    async (body: UpdateMeetingBody) =>
      dataOf(await api.PATCH('/api/v1/meetings/{id}', { ...path(id), body })) as MeetingView,
  );

/** Sends the notice (R9); a late one answers 409 `meeting.lateNoticeReasonRequired` with the shortfall. */
export const useSendNotice = (id: string) =>
  useMeetingMutation(
    id,
    async (lateReason: string | null) =>
      dataOf(
        await api.POST('/api/v1/meetings/{id}/notice', { ...path(id), body: { lateReason } }),
      ) as MeetingView,
  );

/** R9: the secretary asks the chair to send a late notice, with the reason it will carry. */
export const useRequestLateNotice = (id: string) =>
  useMeetingMutation(
    id,
    async (reason: string) =>
      dataOf(
        await api.POST('/api/v1/meetings/{id}/late-notice-request', { ...path(id), body: { reason } }),
      ) as MeetingView,
  );

/** R9: the chair approves the request (the notice goes out now) or refuses it with a comment. */
export const useDecideLateNotice = (id: string) =>
  useMeetingMutation(
    id,
    async (body: { decision: 'approve' | 'refuse'; comment?: string | null }) =>
      dataOf(
        await api.POST('/api/v1/meetings/{id}/late-notice-request/decision', { ...path(id), body }),
      ) as MeetingView,
  );

export const useCancelMeeting = (id: string) =>
  useMeetingMutation(
    id,
    async (reason: string) =>
      dataOf(
        await api.POST('/api/v1/meetings/{id}/cancel', { ...path(id), body: { reason } }),
      ) as MeetingView,
  );

export interface AgendaItemInput {
  title: string;
  presenter: string | null;
  durationMinutes: number | null;
  takesOpinions: boolean;
}

export const useAddAgendaItem = (id: string) =>
  useMeetingMutation(
    id,
    async (body: AgendaItemInput) =>
      dataOf(await api.POST('/api/v1/meetings/{id}/agenda', { ...path(id), body })) as MeetingView,
  );

export const useRemoveAgendaItem = (id: string) =>
  useMeetingMutation(
    id,
    async (itemId: string) =>
      dataOf(
        await api.DELETE('/api/v1/meetings/{id}/agenda/{itemId}', { params: { path: { id, itemId } } }),
      ) as MeetingView,
  );

// ——— Carry-over (R8): unfinished tasks opening a periodic meeting's agenda ———

async function fetchCarryOver(id: string) {
  return dataOf(await api.GET('/api/v1/meetings/{id}/carry-over', path(id))).items;
}
export type CarryOverProposal = Awaited<ReturnType<typeof fetchCarryOver>>;

export const carryOverQueryOptions = (id: string) =>
  queryOptions({ queryKey: ['meetings', id, 'carry-over'] as const, queryFn: () => fetchCarryOver(id) });

/** Puts the chosen unfinished tasks in the agenda's first item (before the notice only). */
export const useApplyCarryOver = (id: string) =>
  useMeetingMutation(
    id,
    async (taskIds: string[]) =>
      dataOf(
        await api.PUT('/api/v1/meetings/{id}/carry-over', { ...path(id), body: { taskIds } }),
      ) as MeetingView,
  );

/** A file as a multipart body (the OpenAPI document does not describe multipart bodies). */
const fileBody = (file: File) => {
  const form = new FormData();
  form.append('file', file);
  return form;
};

/** Attaches a document to an agenda item; the server checks its type by content and its size. */
export const useAttachAgendaDocument = (id: string) =>
  useMeetingMutation(id, async ({ itemId, file }: { itemId: string; file: File }) =>
    dataOf(
      await api.POST('/api/v1/meetings/{id}/agenda/{itemId}/documents', {
        params: { path: { id, itemId } },
        body: fileBody(file) as never,
      }),
    ),
  );

export const useRemoveAgendaDocument = (id: string) =>
  useMeetingMutation(id, async ({ itemId, fileId }: { itemId: string; fileId: string }) => {
    await api.DELETE('/api/v1/meetings/{id}/agenda/{itemId}/documents/{fileId}', {
      params: { path: { id, itemId, fileId } },
    });
  });

export const fileDownloadUrl = (fileId: string) => `/api/v1/files/${fileId}`;

/** My own answer (R10), or, with `attendeeId`, the standing agency's record of someone's (late ones marked). */
export const useRespond = (id: string) =>
  useMeetingMutation(
    id,
    async ({ attendeeId, body }: { attendeeId?: string; body: RespondBody }) =>
      dataOf(
        attendeeId
          ? await api.POST('/api/v1/meetings/{id}/attendees/{attendeeId}/response', {
              params: { path: { id, attendeeId } },
              body,
            })
          : await api.POST('/api/v1/meetings/{id}/response', { ...path(id), body }),
      ) as MeetingView,
  );

/** The chair's decision on an absence or a substitute (R11). */
export const useDecideAttendance = (id: string) =>
  useMeetingMutation(
    id,
    async ({
      attendeeId,
      decision,
      note,
    }: {
      attendeeId: string;
      decision: 'approve' | 'reject';
      note: string | null;
    }) =>
      dataOf(
        await api.POST('/api/v1/meetings/{id}/attendees/{attendeeId}/decision', {
          params: { path: { id, attendeeId } },
          body: { decision, note },
        }),
      ) as MeetingView,
  );

/** Chases everyone who has not answered yet (R10). */
export const useRemindNonResponders = (id: string) =>
  useMeetingMutation(id, async () => dataOf(await api.POST('/api/v1/meetings/{id}/remind', path(id))));

// ——— Written opinions (R12) ———

async function fetchOpinions(id: string) {
  return dataOf(await api.GET('/api/v1/meetings/{id}/opinions', path(id)));
}
export type Opinions = Awaited<ReturnType<typeof fetchOpinions>>;

export const opinionsQueryOptions = (id: string) =>
  queryOptions({ queryKey: meetingKeys.opinions(id), queryFn: () => fetchOpinions(id) });

export const useSubmitOpinion = (id: string) =>
  useMeetingMutation(id, async (body: { agendaItemId: string; text: string; fileId?: string | null }) =>
    dataOf(await api.POST('/api/v1/meetings/{id}/opinions', { ...path(id), body })),
  );

// ——— Check-in and quorum ———

async function fetchAttendance(id: string) {
  return dataOf(await api.GET('/api/v1/meetings/{id}/attendance', path(id)));
}
export type AttendanceView = Awaited<ReturnType<typeof fetchAttendance>>;

export const attendanceQueryOptions = (id: string) =>
  queryOptions({
    queryKey: meetingKeys.attendance(id),
    queryFn: () => fetchAttendance(id),
    refetchInterval: 15_000,
  });

/** Checks someone in (the secretary), or myself without `attendeeId`. */
export const useCheckIn = (id: string) =>
  useMeetingMutation(id, async (attendeeId?: string) =>
    dataOf(
      attendeeId
        ? await api.POST('/api/v1/meetings/{id}/attendees/{attendeeId}/check-in', {
            params: { path: { id, attendeeId } },
          })
        : await api.POST('/api/v1/meetings/{id}/check-in', path(id)),
    ),
  );

/** Marks the minute-taker (thư ký cuộc họp), who is then present. */
export const useMarkMinuteTaker = (id: string) =>
  useMeetingMutation(id, async (attendeeId: string) =>
    dataOf(await api.PUT('/api/v1/meetings/{id}/minute-taker', { ...path(id), body: { attendeeId } })),
  );

// ——— Minutes and conclusions (R5, R13) ———

async function fetchMinutes(id: string) {
  return dataOf(await api.GET('/api/v1/meetings/{id}/minutes', path(id)));
}
export type MinutesView = Awaited<ReturnType<typeof fetchMinutes>>;

export const minutesQueryOptions = (id: string, enabled = true) =>
  queryOptions({ queryKey: meetingKeys.minutes(id), queryFn: () => fetchMinutes(id), enabled });

export const useSaveMinutes = (id: string) =>
  useMeetingMutation(
    id,
    async (body: { summary: string | null; notes: { agendaItemId: string; text: string }[] }) =>
      dataOf(await api.PUT('/api/v1/meetings/{id}/minutes', { ...path(id), body })),
  );

export interface ConclusionInput {
  text: string;
  domain: string | null;
  tasks: TaskProposal[];
}

export const useSaveConclusions = (id: string) =>
  useMeetingMutation(id, async (items: ConclusionInput[]) =>
    dataOf(await api.PUT('/api/v1/meetings/{id}/conclusions', { ...path(id), body: { items } })),
  );

/** Submit to the chair, approve (locks and publishes, R13), or return with a comment. */
export const useDecideMinutes = (id: string) =>
  useMeetingMutation(
    id,
    async ({ action, comment }: { action: 'submit' | 'approve' | 'return'; comment?: string }) =>
      dataOf(
        action === 'submit'
          ? await api.POST('/api/v1/meetings/{id}/minutes/submit', path(id))
          : action === 'approve'
            ? await api.POST('/api/v1/meetings/{id}/minutes/approve', path(id))
            : await api.POST('/api/v1/meetings/{id}/minutes/return', {
                ...path(id),
                body: { comment: comment ?? '' },
              }),
      ),
  );

// ——— The invitation's personal link (public) ———

async function fetchRsvp(token: string) {
  return dataOf(await api.GET('/api/v1/rsvp', { params: { query: { token } } }));
}
export type RsvpView = Awaited<ReturnType<typeof fetchRsvp>>;

export const rsvpQueryOptions = (token: string) =>
  queryOptions({ queryKey: meetingKeys.rsvp(token), queryFn: () => fetchRsvp(token), retry: false });

export function useAnswerRsvp(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Omit<RsvpBody, 'token'>) =>
      dataOf(await api.POST('/api/v1/rsvp', { body: { token, ...body } })),
    onSuccess: (data) => queryClient.setQueryData(meetingKeys.rsvp(token), data),
  });
}

// ——— The chair's link in the late-notice request e-mail (public) ———

async function fetchLateNoticeLink(token: string) {
  return dataOf(await api.GET('/api/v1/late-notice', { params: { query: { token } } }));
}
export type LateNoticeLinkView = Awaited<ReturnType<typeof fetchLateNoticeLink>>;

export const lateNoticeLinkQueryOptions = (token: string) =>
  queryOptions({
    queryKey: meetingKeys.lateLink(token),
    queryFn: () => fetchLateNoticeLink(token),
    retry: false,
  });

export function useDecideLateNoticeLink(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { decision: 'approve' | 'refuse'; comment?: string | null }) =>
      dataOf(await api.POST('/api/v1/late-notice', { body: { token, ...body } })),
    onSuccess: (data) => queryClient.setQueryData(meetingKeys.lateLink(token), data),
  });
}

// ——— The day a meeting is set on: a working day or a day off (the working-day calendar) ———

export const calendarDayQueryOptions = (date: string | null) =>
  queryOptions({
    queryKey: ['calendar', 'day', date] as const,
    queryFn: async () =>
      dataOf(await api.GET('/api/v1/calendar/days', { params: { query: { from: date!, to: date! } } }))
        .days[0] ?? null,
    enabled: !!date,
    staleTime: 60 * 60_000,
  });
