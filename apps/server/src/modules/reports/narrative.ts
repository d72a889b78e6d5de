import { formatDate } from '@steerco/contract/datetime';

// The draft narrative of a report: the first section of the outline says what the records show for the window,
// in words; the drafter completes the others.

/** The figures the narrative quotes (asked of the sources along with the regime's own fields). */
export const NARRATIVE_KEYS = [
  'meetings.held',
  'meetings.held.quarterly',
  'meetings.held.adHoc',
  'meetings.noticed',
  'meetings.noticeOnTime',
  'conclusions.issued',
  'tasks.assigned',
  'tasks.doneOnTime',
  'tasks.doneLate',
  'tasks.overdue',
  'tasks.open',
  'tasks.extensions',
  'tasks.planItemsDone',
  'documents.issued',
  'personnel.changes',
];

export function draftNarrative(
  outline: string[],
  f: Record<string, number | null>,
  ctx: { committee: string; from: string; to: string },
) {
  const n = (k: string) => f[k] ?? 0;
  const noticeRate = n('meetings.noticed')
    ? `${Math.round((n('meetings.noticeOnTime') / n('meetings.noticed')) * 100)}% giấy mời gửi đúng hạn`
    : 'không có giấy mời họp';
  const summary = [
    `Từ ngày ${formatDate(ctx.from)} đến ngày ${formatDate(ctx.to)}, ${ctx.committee} đã tổ chức ${n('meetings.held')} cuộc họp ` +
      `(${n('meetings.held.quarterly')} cuộc họp định kỳ, ${n('meetings.held.adHoc')} cuộc họp đột xuất; ${noticeRate}), ` +
      `ban hành ${n('conclusions.issued')} kết luận và ${n('documents.issued')} văn bản.`,
    `Về theo dõi thực hiện nhiệm vụ: giao mới ${n('tasks.assigned')} nhiệm vụ; hoàn thành đúng hạn ${n('tasks.doneOnTime')}, ` +
      `hoàn thành trễ hạn ${n('tasks.doneLate')} nhiệm vụ (trong đó ${n('tasks.planItemsDone')} nhiệm vụ của kế hoạch công tác năm); ` +
      `đến ngày chốt số liệu còn ${n('tasks.open')} nhiệm vụ đang thực hiện trong hạn và ${n('tasks.overdue')} nhiệm vụ quá hạn; ` +
      `${n('tasks.extensions')} nhiệm vụ được gia hạn.`,
    n('personnel.changes') ? `Kiện toàn ${n('personnel.changes')} thành viên Ban Chỉ đạo.` : '',
  ]
    .filter(Boolean)
    .join('\n');
  return outline.map((heading, i) => ({ heading, text: i === 0 ? summary : '' }));
}
