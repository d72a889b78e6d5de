/**
 * The words of the contract's enumerations, without zod: the web app's first pages and its translations import them
 * from here so that the schemas (and zod) load only with the pages that validate. Each module re-exports its own.
 */

import type { DelegationScope } from './delegations.ts';
import type { DocumentType } from './documents.ts';
import type { AggregationKind, ParStatus, TrafficLight, ValueStatus } from './indicators.ts';
import type { MeetingKind } from './meetings.ts';
import type { CommitteeRole } from './memberships.ts';
import type { PlanStatus } from './plans.ts';
import type { ReportFrequency, ReportStatus } from './reports.ts';
import type { DerivedTaskStatus, TaskEventKind, TaskPriority, TaskSourceKind, TaskStatus } from './tasks.ts';

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  new: 'Mới giao',
  inProgress: 'Đang thực hiện',
  submittedDone: 'Đã báo cáo hoàn thành',
  done: 'Hoàn thành',
  returned: 'Bị trả lại',
  extensionRequested: 'Đề nghị gia hạn',
  cancelled: 'Đã hủy',
};

export const DERIVED_STATUS_LABELS: Record<DerivedTaskStatus, string> = {
  onTime: 'Trong hạn',
  dueSoon: 'Sắp đến hạn',
  overdue: 'Quá hạn',
  doneOnTime: 'Hoàn thành đúng hạn',
  doneLate: 'Hoàn thành quá hạn',
  cancelled: 'Đã hủy',
};

export const TASK_SOURCE_LABELS: Record<TaskSourceKind, string> = {
  conclusion: 'Kết luận cuộc họp',
  planItem: 'Kế hoạch công tác năm',
  directive: 'Chỉ đạo của cấp trên',
  adHoc: 'Giao đột xuất',
};

export const TASK_PRIORITY_LABELS: Record<TaskPriority, string> = {
  low: 'Thấp',
  normal: 'Bình thường',
  high: 'Cao',
  urgent: 'Khẩn',
};

export const TASK_EVENT_LABELS: Record<TaskEventKind, string> = {
  created: 'Giao nhiệm vụ',
  started: 'Bắt đầu thực hiện',
  submittedDone: 'Báo cáo hoàn thành',
  approvedDone: 'Xác nhận hoàn thành',
  returned: 'Trả lại, yêu cầu tiếp tục thực hiện',
  extensionRequested: 'Đề nghị gia hạn',
  extensionApproved: 'Đồng ý gia hạn',
  extensionRejected: 'Không đồng ý gia hạn',
  cancelled: 'Hủy nhiệm vụ',
  handedOver: 'Chuyển giao do thay đổi nhân sự',
  edited: 'Sửa nội dung, giao lại',
};

export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  quarterly: 'Họp định kỳ quý',
  halfYearReview: 'Sơ kết 6 tháng',
  annualReview: 'Tổng kết năm',
  adHoc: 'Họp đột xuất',
  thematic: 'Họp chuyên đề',
};

export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  draft: 'Dự thảo',
  approved: 'Đã phê duyệt',
  cancelled: 'Đã hủy',
};

export const SCOPE_LABELS: Record<DelegationScope, string> = {
  chairMeetings: 'Chủ trì cuộc họp',
  signDocuments: 'Ký văn bản (KT. Trưởng Ban)',
  approveAbsences: 'Duyệt vắng mặt, người dự thay',
  decideTaskExtensions: 'Quyết định gia hạn nhiệm vụ',
};

export const ROLE_LABELS: Record<CommitteeRole, string> = {
  head: 'Trưởng Ban',
  deputyHead: 'Phó Trưởng Ban',
  member: 'Thành viên',
  residentialGroupHead: 'Tổ trưởng tổ dân phố',
  secretary: 'Thư ký (cơ quan thường trực)',
  guest: 'Khách mời',
};

export const DOCUMENT_TYPES: Record<DocumentType, { abbreviation: string; kind: string; label: string }> = {
  decision: { abbreviation: 'QĐ', kind: 'QUYẾT ĐỊNH', label: 'Quyết định' },
  notice: { abbreviation: 'TB', kind: 'THÔNG BÁO', label: 'Thông báo' },
  invitation: { abbreviation: 'GM', kind: 'GIẤY MỜI', label: 'Giấy mời' },
  minutes: { abbreviation: 'BB', kind: 'BIÊN BẢN', label: 'Biên bản' },
  plan: { abbreviation: 'KH', kind: 'KẾ HOẠCH', label: 'Kế hoạch' },
  report: { abbreviation: 'BC', kind: 'BÁO CÁO', label: 'Báo cáo' },
};

export const AGGREGATION_LABELS: Record<AggregationKind, string> = {
  sum: 'Tổng',
  average: 'Bình quân',
  weightedAverage: 'Bình quân gia quyền',
  min: 'Thấp nhất',
  max: 'Cao nhất',
  shareMeeting: 'Tỷ lệ đơn vị đạt',
};

export const TRAFFIC_LIGHT_LABELS: Record<TrafficLight, string> = {
  meets: 'Đạt',
  atRisk: 'Có nguy cơ không đạt',
  offTrack: 'Không đạt',
  noTarget: 'Chưa giao chỉ tiêu',
  noData: 'Chưa có số liệu',
};

export const VALUE_STATUS_LABELS: Record<ValueStatus, string> = {
  submitted: 'Chờ phê duyệt',
  approved: 'Đã phê duyệt',
  rejected: 'Bị trả lại',
  superseded: 'Đã được đính chính',
};

export const PAR_STATUS_LABELS: Record<ParStatus, string> = {
  draft: 'Đang tự đánh giá',
  submitted: 'Đã gửi thẩm định',
  appraised: 'Đang thẩm định',
  final: 'Đã có kết quả',
};

export const FREQUENCY_LABELS: Record<ReportFrequency | 'adHoc', string> = {
  monthly: 'Hằng tháng',
  quarterly: 'Hằng quý',
  halfYear: '6 tháng',
  annual: 'Hằng năm',
  adHoc: 'Đột xuất',
};

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  notStarted: 'Chưa lập',
  drafting: 'Đang soạn',
  submitted: 'Đã gửi',
  returned: 'Bị trả lại',
  accepted: 'Đã tiếp nhận',
};
