import { queryOptions } from '@tanstack/react-query';
import { api, dataOf } from '../../api/client.ts';

async function fetchInbox() {
  return dataOf(await api.GET('/api/v1/inbox'));
}
export type Inbox = Awaited<ReturnType<typeof fetchInbox>>;
export type InboxItem = Inbox['items'][number];
export type InboxKind = InboxItem['kind'];

/**
 * Việc chờ tôi xử lý: shared by the sidebar's count, the dashboard's card and the page. Always asked again when a
 * view mounts (a decision taken on a meeting, task or document page shows on return) and every minute.
 */
export const inboxQueryOptions = queryOptions({
  queryKey: ['inbox'] as const,
  queryFn: fetchInbox,
  staleTime: 0,
  refetchInterval: 60_000,
});

/** The page an item opens: its meeting, task, document, or the committee's personnel tab. */
export function inboxLink(item: InboxItem) {
  const { type, id } = item.target;
  switch (type) {
    case 'meeting':
      return { to: '/cuoc-hop/$meetingId', params: { meetingId: id } } as const;
    case 'task':
      return { to: '/nhiem-vu/$taskId', params: { taskId: id } } as const;
    case 'document':
      return { to: '/van-ban/$documentId', params: { documentId: id } } as const;
    case 'committeePersonnel':
      return {
        to: '/ban-chi-dao/$committeeId',
        params: { committeeId: id },
        search: { tab: 'nhan-su' as const },
      } as const;
  }
}
