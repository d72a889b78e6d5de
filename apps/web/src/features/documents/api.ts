import type {
  CreateDocumentBody,
  OfficialDocument,
  TemplateDraftBody,
  UpdateDocumentBody,
} from '@steerco/contract/documents';
import type { StoredFile } from '@steerco/contract/files';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from '../../api/client.ts';
import type { DocumentsSearch } from './search.ts';

export { type DocumentsSearch, parseDocumentsSearch } from './search.ts';

const documentKeys = {
  all: ['documents'] as const,
  list: (committeeId: string, search: DocumentsSearch) => ['documents', 'list', committeeId, search] as const,
  one: (id: string) => ['documents', id] as const,
  preview: (id: string) => ['documents', id, 'preview'] as const,
  versions: (id: string) => ['documents', id, 'versions'] as const,
};

/** The registry of a committee; number, issuer and full text match with or without diacritics ("ha dong"). */
export const documentsQueryOptions = (committeeId: string, search: DocumentsSearch) =>
  queryOptions({
    queryKey: documentKeys.list(committeeId, search),
    queryFn: async () =>
      dataOf(
        await api.GET('/api/v1/documents', {
          params: {
            query: {
              committeeId,
              type: search.loai,
              direction: search.chieu,
              number: search.so,
              from: search.tu,
              to: search.den,
              issuer: search.noiBanHanh,
              q: search.q,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });

export const documentQueryOptions = (id: string) =>
  queryOptions({
    queryKey: documentKeys.one(id),
    queryFn: async (): Promise<OfficialDocument> =>
      dataOf(await api.GET('/api/v1/documents/{id}', { params: { path: { id } } })),
  });

export const documentPreviewQueryOptions = (id: string, version: number) =>
  queryOptions({
    queryKey: [...documentKeys.preview(id), version],
    queryFn: async () =>
      dataOf(await api.GET('/api/v1/documents/{id}/preview', { params: { path: { id } } })).html,
  });

/** `version`: the document's current version, so a save shows at once. */
export const documentVersionsQueryOptions = (id: string, version: number) =>
  queryOptions({
    queryKey: [...documentKeys.versions(id), version],
    queryFn: async () =>
      dataOf(await api.GET('/api/v1/documents/{id}/versions', { params: { path: { id } } })).items,
  });

/** Download links: the browser sends the session cookie; the server checks the right to see the document. */
export const docxUrl = (id: string) => `/api/v1/documents/${id}/docx`;
export const pdfUrl = (id: string, inline = false) =>
  `/api/v1/documents/${id}/pdf${inline ? '?inline=1' : ''}`;
export const fileUrl = (id: string) => `/api/v1/files/${id}`;

function useRefresh() {
  const queryClient = useQueryClient();
  return (doc?: OfficialDocument) => {
    if (doc) queryClient.setQueryData(documentKeys.one(doc.id), doc);
    return queryClient.invalidateQueries({ queryKey: documentKeys.all });
  };
}

export function useCreateFromTemplate(committeeId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (body: TemplateDraftBody) =>
      dataOf(
        await api.POST('/api/v1/committees/{id}/documents/from-template', {
          params: { path: { id: committeeId } },
          body,
        }),
      ),
    onSuccess: (doc) => refresh(doc),
  });
}

export type MeetingTemplate = 'invitation' | 'conclusionNotice' | 'minutes';

/** Drafts an invitation, a conclusion notice (R13) or the minutes (Mẫu 1.9) from a meeting's records. */
export function useDraftFromMeeting(meetingId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (template: MeetingTemplate) =>
      dataOf(
        await api.POST('/api/v1/meetings/{id}/documents', {
          params: { path: { id: meetingId } },
          body: { template },
        }),
      ),
    onSuccess: (doc) => refresh(doc),
  });
}

export function useCreateDocument(committeeId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (body: CreateDocumentBody) =>
      dataOf(
        await api.POST('/api/v1/committees/{id}/documents', { params: { path: { id: committeeId } }, body }),
      ),
    onSuccess: (doc) => refresh(doc),
  });
}

export function useUpdateDocument(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (body: UpdateDocumentBody) =>
      dataOf(await api.PATCH('/api/v1/documents/{id}', { params: { path: { id } }, body })),
    onSuccess: (doc) => refresh(doc),
  });
}

export type DocumentAction = 'submit' | 'approve' | 'return';

export function useMoveDocument(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (action: DocumentAction) => {
      const options = { params: { path: { id } } };
      if (action === 'submit') return dataOf(await api.POST('/api/v1/documents/{id}/submit', options));
      if (action === 'approve') return dataOf(await api.POST('/api/v1/documents/{id}/approve', options));
      return dataOf(await api.POST('/api/v1/documents/{id}/return', options));
    },
    onSuccess: (doc) => refresh(doc),
  });
}

export function useIssueDocument(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (body: { signerMembershipId: string; issuedOn?: string }) =>
      dataOf(await api.POST('/api/v1/documents/{id}/issue', { params: { path: { id } }, body })),
    onSuccess: (doc) => refresh(doc),
  });
}

export function useDistributeDocument(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (body: { membershipIds?: string[]; allMembers?: boolean }) =>
      dataOf(await api.POST('/api/v1/documents/{id}/distribute', { params: { path: { id } }, body })),
    onSuccess: (doc) => refresh(doc),
  });
}

export interface IncomingForm {
  numberText: string;
  issuedOn: string;
  issuer: string;
  title: string;
  deadline: string | null;
  file: File | null;
}

/** Uploads the scanned directive (content-checked by the server), then records the incoming document. */
export function useRegisterIncoming(committeeId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async ({ file, ...form }: IncomingForm) => {
      let fileId: string | null = null;
      if (file) {
        const data = new FormData();
        data.append('file', file);
        const uploaded = dataOf(
          await api.POST('/api/v1/committees/{id}/files', {
            params: { path: { id: committeeId } },
            body: data as never,
          }),
        ) as StoredFile;
        fileId = uploaded.id;
      }
      return dataOf(
        await api.POST('/api/v1/committees/{id}/documents/incoming', {
          params: { path: { id: committeeId } },
          body: { ...form, fileId },
        }),
      );
    },
    onSuccess: (doc) => refresh(doc),
  });
}
