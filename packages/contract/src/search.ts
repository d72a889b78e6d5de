import { z } from 'zod';
import { Id } from './common.ts';

/** The header's search (issue 19): words to find, accent-insensitive ("ket luan" finds "kết luận"). */
export const SearchQuery = z
  .object({
    q: z.string().trim().min(2).max(100).describe('Từ cần tìm (không dấu cũng được), 2–100 ký tự'),
    limit: z.coerce.number().int().min(1).max(20).default(5).describe('Số kết quả tối đa mỗi nhóm'),
  })
  .strict();
export type SearchQuery = z.infer<typeof SearchQuery>;

export const SearchHit = z.object({
  id: Id,
  title: z.string(),
  /** A short line under the title: the committee, the date, the deadline, the position. */
  subtitle: z.string().nullable(),
  /** Where the hit opens: a person opens the committee they sit on (its members' tab). */
  committeeId: Id.nullable(),
});
export type SearchHit = z.infer<typeof SearchHit>;

/** Results grouped by kind, each group in its own order (newest meetings, nearest deadlines, …). */
export const SearchResults = z.object({
  meetings: z.array(SearchHit),
  tasks: z.array(SearchHit),
  documents: z.array(SearchHit),
  committees: z.array(SearchHit),
  people: z.array(SearchHit),
});
export type SearchResults = z.infer<typeof SearchResults>;
