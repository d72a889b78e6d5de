import { PROBLEM_TYPE_BASE, type Problem } from '@steerco/contract/problem';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { isConnectionLost, pgSqlState } from '../db/pg-errors.ts';

/** Seconds a client should wait before retrying a request that met a lost database connection. */
export const DATABASE_RETRY_AFTER_SECONDS = 2;

/**
 * Every error the API can answer with: one stable code (`domain.reason`), its HTTP status and a Vietnamese
 * title. The `type` URI of a problem is derived from the code, so it never changes once published.
 */
export const ERRORS = {
  'request.idempotencyKey': {
    status: 400,
    title: 'Tiêu đề Idempotency-Key không hợp lệ (8–200 ký tự in được, không dấu cách)',
  },
  'request.idempotencyMismatch': {
    status: 422,
    title: 'Khóa Idempotency-Key này đã được dùng cho một yêu cầu khác',
  },
  'request.idempotencyInFlight': {
    status: 409,
    title: 'Yêu cầu với khóa này đang được xử lý, vui lòng thử lại sau giây lát',
  },
  'request.alreadyApplied': {
    status: 409,
    title: 'Yêu cầu này đã được thực hiện trước đó; tải lại trang để xem kết quả',
  },
  'request.validation': { status: 400, title: 'Dữ liệu gửi lên không hợp lệ' },
  'request.malformedJson': { status: 400, title: 'Nội dung JSON không đúng cú pháp' },
  'request.unsupportedMediaType': { status: 415, title: 'Định dạng nội dung không được hỗ trợ' },
  'request.bodyTooLarge': { status: 413, title: 'Nội dung gửi lên quá lớn' },
  'request.rateLimited': { status: 429, title: 'Quá nhiều yêu cầu, vui lòng thử lại sau' },
  'request.invalidText': {
    status: 400,
    title: 'Dữ liệu có ký tự không hợp lệ (ký tự NUL hoặc ký tự Unicode không hoàn chỉnh)',
  },
  'database.unavailable': {
    status: 503,
    title: 'Cơ sở dữ liệu tạm thời không kết nối được, vui lòng thử lại sau ít giây',
  },
  'route.notFound': { status: 404, title: 'Không tìm thấy đường dẫn' },
  'auth.required': { status: 401, title: 'Chưa đăng nhập hoặc phiên làm việc đã hết hạn' },
  'auth.invalidCredentials': { status: 401, title: 'Tên đăng nhập hoặc mật khẩu không đúng' },
  'auth.locked': { status: 423, title: 'Tài khoản tạm thời bị khóa do đăng nhập sai nhiều lần' },
  'auth.inactive': { status: 403, title: 'Tài khoản đã bị vô hiệu hóa' },
  'auth.csrf': { status: 403, title: 'Yêu cầu bị từ chối: thiếu hoặc sai mã chống giả mạo (CSRF)' },
  'auth.passwordChangeRequired': { status: 403, title: 'Bạn cần đổi mật khẩu trước khi tiếp tục' },
  'auth.wrongPassword': { status: 422, title: 'Mật khẩu hiện tại không đúng' },
  'auth.weakPassword': { status: 400, title: 'Mật khẩu mới quá dễ đoán' },
  'permission.denied': { status: 403, title: 'Bạn không có quyền thực hiện thao tác này' },
  'user.notFound': { status: 404, title: 'Không tìm thấy người dùng' },
  'user.usernameTaken': { status: 409, title: 'Tên đăng nhập đã được sử dụng' },
  'user.emailTaken': { status: 409, title: 'Địa chỉ email đã được sử dụng' },
  'user.cannotDeactivateSelf': { status: 422, title: 'Không thể tự vô hiệu hóa tài khoản của mình' },
  'user.roleNotAllowed': { status: 403, title: 'Bạn không được gán vai trò quản trị này' },
  'unit.notFound': { status: 404, title: 'Không tìm thấy đơn vị hành chính' },
  'unit.codeTaken': { status: 409, title: 'Mã đơn vị đã tồn tại' },
  'unit.invalidParent': { status: 422, title: 'Đơn vị cấp trên không phù hợp với cấp của đơn vị' },
  'committee.notFound': { status: 404, title: 'Không tìm thấy Ban Chỉ đạo' },
  'committee.invalidParent': { status: 422, title: 'Ban Chỉ đạo cấp trên không hợp lệ' },
  'committee.unknownDomain': { status: 422, title: 'Lĩnh vực không thuộc Ban Chỉ đạo' },
  'committee.invalidMerge': { status: 422, title: 'Không thể hợp nhất các Ban Chỉ đạo đã chọn' },
  'committee.duplicateAgency': { status: 409, title: 'Đơn vị này đã là cơ quan thường trực của Ban Chỉ đạo' },
  'committee.agencyNotFound': { status: 404, title: 'Không tìm thấy cơ quan thường trực' },
  'committee.groupNotFound': { status: 404, title: 'Không tìm thấy tổ giúp việc' },
  'committee.invalidGroupParent': { status: 422, title: 'Tổ giúp việc cấp trên không hợp lệ' },
  'membership.notFound': { status: 404, title: 'Không tìm thấy thành viên' },
  'membership.headOverlap': { status: 409, title: 'Ban Chỉ đạo đã có Trưởng Ban trong thời gian này' },
  'membership.duplicate': {
    status: 409,
    title: 'Người này đã là thành viên Ban Chỉ đạo trong thời gian này',
  },
  'membership.userInactive': { status: 422, title: 'Tài khoản của người này đã bị vô hiệu hóa' },
  'membership.ended': { status: 409, title: 'Thành viên đã thôi tham gia Ban Chỉ đạo' },
  'duties.versionConflict': { status: 409, title: 'Phân công nhiệm vụ vừa được người khác thay đổi' },
  'delegation.notFound': { status: 404, title: 'Không tìm thấy văn bản ủy quyền' },
  'delegation.noHead': { status: 422, title: 'Ban Chỉ đạo chưa có Trưởng Ban trong thời gian ủy quyền' },
  'delegation.notMember': {
    status: 422,
    title: 'Người được ủy quyền không phải là thành viên Ban Chỉ đạo trong thời gian ủy quyền',
  },
  'delegation.documentRequired': { status: 422, title: 'Cần số, ngày văn bản ủy quyền của Trưởng Ban' },
  'personnel.notFound': { status: 404, title: 'Không tìm thấy đề xuất thay đổi nhân sự' },
  'personnel.alreadyDecided': { status: 409, title: 'Đề xuất thay đổi nhân sự đã được quyết định' },
  'personnel.outsideUnit': { status: 403, title: 'Chỉ được đề xuất thay thế thành viên của đơn vị mình' },
  'personnel.invalidDate': {
    status: 422,
    title: 'Ngày hiệu lực phải sau ngày bắt đầu của thành viên hiện tại',
  },
  'validation.dateOrder': { status: 422, title: 'Ngày kết thúc phải sau hoặc bằng ngày bắt đầu' },
  'calendar.overrideExists': { status: 409, title: 'Ngày này đã có điều chỉnh lịch' },
  'calendar.overrideNotFound': { status: 404, title: 'Không tìm thấy ngày điều chỉnh' },
  'import.unreadable': { status: 422, title: 'Không đọc được tệp Excel' },
  'import.wrongTemplate': { status: 422, title: 'Tệp không đúng mẫu nhập danh sách thành viên' },
  'import.empty': { status: 422, title: 'Tệp không có dòng dữ liệu nào' },
  'import.invalidRows': { status: 422, title: 'Tệp có dòng không hợp lệ' },
  'file.notFound': { status: 404, title: 'Không tìm thấy tệp' },
  'file.required': { status: 400, title: 'Chưa chọn tệp' },
  'file.tooLarge': { status: 413, title: 'Tệp vượt quá dung lượng cho phép' },
  'file.typeNotAllowed': { status: 415, title: 'Loại tệp không được phép' },
  'file.unsafeArchive': {
    status: 422,
    title: 'Tệp Word/Excel có cấu trúc nén bất thường (quá nhiều thành phần hoặc giải nén quá lớn)',
  },
  'meeting.notFound': { status: 404, title: 'Không tìm thấy cuộc họp' },
  'meeting.feedNotFound': {
    status: 404,
    title: 'Không tìm thấy lịch họp đăng ký (đường dẫn đã bị thu hồi hoặc không đúng)',
  },
  'meeting.invalidChair': {
    status: 422,
    title: 'Người chủ trì phải là Trưởng Ban hoặc người được ủy quyền chủ trì',
  },
  'meeting.notMember': {
    status: 422,
    title: 'Người được mời không phải là thành viên Ban Chỉ đạo vào ngày họp',
  },
  'meeting.noticeAlreadySent': { status: 409, title: 'Giấy mời đã được gửi' },
  'meeting.lateNoticeReasonRequired': {
    status: 422,
    title: 'Giấy mời gửi muộn so với Quy chế: cần nêu lý do',
  },
  'meeting.lateNoticeNeedsChair': {
    status: 403,
    title: 'Gửi giấy mời muộn cần người chủ trì quyết định',
  },
  'meeting.locked': { status: 409, title: 'Cuộc họp đã diễn ra hoặc đã hủy, không sửa được' },
  'meeting.agendaItemNotFound': { status: 404, title: 'Không tìm thấy nội dung trong chương trình họp' },
  'meeting.notInvited': { status: 404, title: 'Không có trong thành phần mời họp' },
  'meeting.notOpenForAnswers': { status: 409, title: 'Cuộc họp chưa gửi giấy mời hoặc đã kết thúc' },
  'meeting.confirmationClosed': { status: 409, title: 'Đã hết hạn xác nhận tham dự' },
  'meeting.substituteNotAllowed': {
    status: 422,
    title: 'Người dự thay không đúng quy định của Ban Chỉ đạo',
  },
  'meeting.nothingToApprove': { status: 409, title: 'Không có đề nghị vắng mặt hoặc dự thay đang chờ duyệt' },
  'meeting.opinionNotExpected': {
    status: 409,
    title: 'Không thuộc trường hợp phải gửi ý kiến bằng văn bản',
  },
  'meeting.opinionClosed': { status: 409, title: 'Đã quá hạn gửi ý kiến bằng văn bản (trước giờ họp)' },
  'meeting.checkInClosed': { status: 409, title: 'Đã hết giờ tự điểm danh' },
  'meeting.checkInNotOpen': { status: 409, title: 'Chưa đến giờ điểm danh' },
  'meeting.notStarted': { status: 409, title: 'Cuộc họp chưa bắt đầu' },
  'meeting.alreadyStarted': { status: 409, title: 'Cuộc họp đã qua giờ bắt đầu' },
  'meeting.startsInPast': {
    status: 422,
    title: 'Thời gian họp đã qua: cuộc họp đã diễn ra thì ghi nhận sau, kèm lý do',
  },
  'meeting.recordedNotPast': { status: 422, title: 'Cuộc họp ghi nhận sau phải là cuộc họp đã diễn ra' },
  'meeting.recordedAfterwards': {
    status: 409,
    title: 'Cuộc họp được ghi nhận sau: không gửi giấy mời, không xác nhận tham dự',
  },
  'meeting.dayOffReasonRequired': {
    status: 422,
    title: 'Ngày họp là ngày nghỉ: cần người chủ trì xác nhận và nêu lý do',
  },
  'meeting.dayOffNeedsChair': { status: 403, title: 'Chỉ người chủ trì quyết định họp vào ngày nghỉ' },
  'meeting.noticeNotLate': {
    status: 409,
    title: 'Giấy mời chưa muộn: gửi ngay, không cần đề nghị người chủ trì',
  },
  'meeting.noChair': { status: 409, title: 'Cuộc họp chưa có người chủ trì' },
  'meeting.lateNoticeRequestPending': {
    status: 409,
    title: 'Đã có đề nghị gửi giấy mời muộn đang chờ người chủ trì',
  },
  'meeting.lateNoticeRequestNotFound': { status: 404, title: 'Không tìm thấy đề nghị gửi giấy mời muộn' },
  'meeting.lateNoticeRequestDecided': { status: 409, title: 'Đề nghị đã được người chủ trì quyết định' },
  'meeting.lateNoticeLinkInvalid': { status: 404, title: 'Đường dẫn duyệt không hợp lệ hoặc đã hết hạn' },
  'meeting.notHeldYet': { status: 409, title: 'Cuộc họp chưa gửi giấy mời hoặc đã hủy' },
  'meeting.minutesSubmitted': { status: 409, title: 'Biên bản đang chờ người chủ trì duyệt' },
  'meeting.minutesWrongState': { status: 409, title: 'Thao tác không phù hợp với trạng thái biên bản' },
  'meeting.conclusionsLocked': { status: 409, title: 'Kết luận đã được duyệt, không sửa được' },
  'meeting.notNoticed': { status: 409, title: 'Cuộc họp chưa gửi giấy mời hoặc đã kết thúc' },
  'meeting.documentNotFound': { status: 404, title: 'Không tìm thấy tài liệu trong chương trình họp' },
  'meeting.tooManyDocuments': { status: 422, title: 'Mỗi nội dung họp chỉ đính kèm tối đa 20 tài liệu' },
  'meeting.linkInvalid': { status: 404, title: 'Đường dẫn xác nhận không hợp lệ hoặc đã hết hạn' },
  'document.notFound': { status: 404, title: 'Không tìm thấy văn bản' },
  'document.immutable': {
    status: 409,
    title: 'Văn bản đã ban hành không được sửa; hãy ban hành văn bản đính chính',
  },
  'document.wrongState': { status: 409, title: 'Thao tác không phù hợp với trạng thái văn bản' },
  'document.alreadyIssued': { status: 409, title: 'Văn bản đã được ban hành' },
  'document.signerNotAllowed': { status: 403, title: 'Người ký không có thẩm quyền ký văn bản này' },
  'document.noConclusions': { status: 422, title: 'Cuộc họp chưa có kết luận' },
  'document.beforeMeeting': {
    status: 409,
    title: 'Biên bản, thông báo kết luận không được ban hành trước cuộc họp',
  },
  'document.notApplicable': { status: 409, title: 'Cuộc họp ghi nhận sau không có giấy mời' },
  'document.notGenerated': { status: 409, title: 'Văn bản đến không có bản tạo tự động' },
  'document.pdfUnavailable': {
    status: 404,
    title: 'Văn bản chưa có bản PDF (chỉ có sau khi ban hành, khi máy chủ cài LibreOffice)',
  },
  'document.unknownRecipient': {
    status: 422,
    title: 'Người nhận không phải thành viên đương nhiệm của Ban Chỉ đạo',
  },
  'task.notFound': { status: 404, title: 'Không tìm thấy nhiệm vụ' },
  'task.carryOverPeriodicOnly': {
    status: 409,
    title: 'Chỉ cuộc họp định kỳ (quý, sơ kết, tổng kết) có mục nhiệm vụ chưa hoàn thành',
  },
  'task.notChildCommittee': { status: 422, title: 'Không phải Ban Chỉ đạo cấp dưới trực tiếp' },
  'task.notCarriable': { status: 422, title: 'Nhiệm vụ không thuộc diện đưa vào cuộc họp này' },
  'task.invalidTransition': {
    status: 409,
    title: 'Trạng thái hiện tại của nhiệm vụ không cho phép thao tác này',
  },
  'task.deadlineBeforeSource': {
    status: 422,
    title: 'Hạn hoàn thành không được trước ngày giao nhiệm vụ (ngày duyệt kết luận, ngày văn bản)',
  },
  'task.invalidLead': {
    status: 422,
    title: 'Nhiệm vụ phải có đúng một đơn vị hoặc một thành viên chủ trì, không giao cho cả Ban Chỉ đạo',
  },
  'task.invalidReference': {
    status: 422,
    title: 'Văn bản, nhiệm vụ cha, nhiệm vụ thành viên hoặc tệp tham chiếu không hợp lệ',
  },
  'task.extensionNotLater': { status: 422, title: 'Hạn đề nghị gia hạn phải sau hạn hiện tại' },
  'task.mentionNotMember': {
    status: 422,
    title: 'Người được nhắc đến không phải là thành viên Ban Chỉ đạo',
  },
  'plan.notFound': { status: 404, title: 'Không tìm thấy kế hoạch công tác' },
  'plan.yearTaken': { status: 409, title: 'Ban Chỉ đạo đã có kế hoạch công tác cho năm này' },
  'plan.notDraft': {
    status: 409,
    title: 'Kế hoạch đã được phê duyệt hoặc đã hủy, không thể sửa hay phê duyệt lại',
  },
  'plan.invalidItem': { status: 422, title: 'Nhiệm vụ trong kế hoạch không hợp lệ' },
  'plan.empty': { status: 422, title: 'Kế hoạch chưa có nhiệm vụ nào' },
  'plan.itemsPastDeadline': {
    status: 422,
    title: 'Có nhiệm vụ trong kế hoạch đã quá hạn hoàn thành tại ngày phê duyệt',
  },
  'report.regimeNotFound': { status: 404, title: 'Không tìm thấy chế độ báo cáo' },
  'report.periodNotFound': { status: 404, title: 'Không tìm thấy kỳ báo cáo' },
  'report.notFound': { status: 404, title: 'Không tìm thấy báo cáo' },
  'report.invalidFields': { status: 422, title: 'Biểu số liệu của chế độ báo cáo không hợp lệ' },
  'report.deadlineBeforeCutoff': { status: 422, title: 'Thời hạn gửi báo cáo phải sau ngày chốt số liệu' },
  'report.invalidWindow': { status: 422, title: 'Kỳ chốt số liệu không hợp lệ' },
  'report.noReporters': {
    status: 422,
    title: 'Ban Chỉ đạo chưa có Ban Chỉ đạo cấp dưới nào để giao báo cáo',
  },
  'report.notReporter': { status: 422, title: 'Ban Chỉ đạo này không thuộc đối tượng thực hiện báo cáo' },
  'report.periodNotOpen': { status: 422, title: 'Kỳ báo cáo chưa đến ngày chốt số liệu' },
  'report.unknownField': { status: 422, title: 'Chỉ tiêu không có trong biểu số liệu của chế độ báo cáo' },
  'report.unknownSection': { status: 422, title: 'Mục không có trong đề cương của chế độ báo cáo' },
  'report.alreadySubmitted': { status: 409, title: 'Báo cáo đã được gửi, đang chờ cấp trên xem xét' },
  'report.wrongState': { status: 409, title: 'Báo cáo không ở trạng thái cho phép thao tác này' },
  'indicator.notFound': { status: 404, title: 'Không tìm thấy chỉ số' },
  'indicator.frameworkNotFound': { status: 404, title: 'Không tìm thấy bộ chỉ số' },
  'indicator.frameworkExists': { status: 409, title: 'Bộ chỉ số đã có phiên bản của năm này' },
  'indicator.invalidFramework': { status: 422, title: 'Cấu trúc bộ chỉ số không hợp lệ' },
  'indicator.invalidPeriod': { status: 422, title: 'Kỳ số liệu không phù hợp với tần suất của chỉ số' },
  'indicator.planItemNotFound': {
    status: 422,
    title: 'Không tìm thấy nhiệm vụ trong kế hoạch công tác năm của Ban Chỉ đạo',
  },
  'indicator.outOfRange': { status: 422, title: 'Giá trị nằm ngoài phạm vi của đơn vị tính' },
  'indicator.computed': { status: 422, title: 'Chỉ số này được tính tự động, không nhập tay' },
  'indicator.valueNotFound': { status: 404, title: 'Không tìm thấy số liệu chỉ số' },
  'indicator.valueDecided': { status: 409, title: 'Số liệu đã được phê duyệt hoặc trả lại' },
  'evaluation.notFound': { status: 404, title: 'Không tìm thấy đợt đánh giá thành viên' },
  'evaluation.memberNotFound': { status: 404, title: 'Không tìm thấy kết quả đánh giá của thành viên' },
  'evaluation.exists': { status: 409, title: 'Ban Chỉ đạo đã mở đợt đánh giá của năm này' },
  'evaluation.invalidDeadline': {
    status: 422,
    title: 'Hạn đánh giá phải là một ngày làm việc trước ngày 15/12 của năm đánh giá',
  },
  'evaluation.noScheme': { status: 422, title: 'Chưa có bộ tiêu chí đánh giá áp dụng cho năm này' },
  'evaluation.closed': { status: 409, title: 'Đợt đánh giá đã được Trưởng Ban quyết định xong' },
  'evaluation.capExceeded': {
    status: 409,
    title: 'Số thành viên Hoàn thành xuất sắc nhiệm vụ vượt tỷ lệ cho phép; cần nêu lý do',
  },
  'evaluation.unknownMember': { status: 422, title: 'Người này không thuộc đợt đánh giá' },
  'evaluation.unknownCriterion': { status: 422, title: 'Tiêu chí không có trong bộ tiêu chí đánh giá' },
  'evaluation.scoreAboveMax': { status: 422, title: 'Điểm vượt quá điểm tối đa của tiêu chí' },
  'evaluation.unknownTask': { status: 422, title: 'Nhiệm vụ không thuộc kết quả công việc của đợt đánh giá' },
  'par.notFound': { status: 404, title: 'Không tìm thấy bản tự đánh giá Chỉ số cải cách hành chính' },
  'par.notScored': { status: 422, title: 'Bộ chỉ số này không chấm điểm tự đánh giá' },
  'par.exists': { status: 409, title: 'Đã có bản tự đánh giá của năm này' },
  'par.wrongState': { status: 409, title: 'Thao tác không phù hợp với trạng thái bản tự đánh giá' },
  'par.incomplete': { status: 422, title: 'Bản tự đánh giá chưa đầy đủ' },
  'par.invalidScore': { status: 422, title: 'Điểm vượt quá điểm tối đa của tiêu chí' },
  'par.reasonRequired': { status: 400, title: 'Điều chỉnh điểm thẩm định cần nêu lý do' },
  internal: { status: 500, title: 'Lỗi hệ thống, vui lòng thử lại sau' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERRORS;

export interface FieldError {
  path: string;
  message: string;
  code: string;
}

/** Thrown by services; the error handler turns it into application/problem+json. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly detail?: string;
  readonly errors?: FieldError[];
  readonly headers?: Record<string, string>;
  /** Extra members of the problem body (RFC 9457 extensions), e.g. `rowErrors` of an import. */
  readonly extensions?: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    opts: {
      detail?: string;
      errors?: FieldError[];
      headers?: Record<string, string>;
      extensions?: Record<string, unknown>;
    } = {},
  ) {
    super(opts.detail ?? ERRORS[code].title);
    this.code = code;
    this.status = ERRORS[code].status;
    this.detail = opts.detail;
    this.errors = opts.errors;
    this.headers = opts.headers;
    this.extensions = opts.extensions;
  }
}

export function problemOf(err: AppError, requestId?: string, instance?: string): Problem {
  return {
    type: `${PROBLEM_TYPE_BASE}${err.code}`,
    title: ERRORS[err.code].title,
    status: err.status,
    code: err.code,
    ...(err.detail ? { detail: err.detail } : {}),
    ...(instance ? { instance } : {}),
    ...(requestId ? { requestId } : {}),
    ...(err.errors ? { errors: err.errors } : {}),
    ...err.extensions,
  };
}

/** Maps what Fastify, Zod and PostgreSQL throw to AppErrors; anything unknown becomes a bare 500. */
function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as { validationContext?: string }).validationContext ?? 'body';
    return new AppError('request.validation', {
      detail: 'Vui lòng kiểm tra lại các trường được đánh dấu.',
      errors: error.validation.map((v) => {
        const issuePath = v.instancePath.split('/').filter(Boolean);
        // Unknown keys are reported on the object; name each of them so the client can point at it.
        const keys = (v.params as { keys?: string[] }).keys;
        const fieldPath = keys?.length === 1 ? [...issuePath, keys[0]!] : issuePath;
        return {
          path: [context, ...fieldPath].join('.'),
          message: translateIssue(v.keyword, v.message ?? ''),
          code: v.keyword,
        };
      }),
    });
  }
  const fe = error as FastifyError & { statusCode?: number };
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('request.malformedJson', { detail: fe.message });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('request.unsupportedMediaType', {
        detail: 'Hãy gửi dữ liệu dạng application/json.',
      });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('request.bodyTooLarge');
  }
  // The calendar library (and date parsing) throws RangeError for out-of-range input, e.g. year 2300.
  if (error instanceof RangeError) return new AppError('request.validation', { detail: error.message });
  if (fe.code === 'FST_REQ_FILE_TOO_LARGE' || fe.code === 'FST_FILES_LIMIT')
    return new AppError('file.tooLarge');
  if (fe.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return new AppError('file.required');
  if (fe.statusCode === 429) return new AppError('request.rateLimited', { detail: fe.message });
  if (fe.statusCode === 400 && typeof fe.message === 'string' && /JSON/i.test(fe.message)) {
    return new AppError('request.malformedJson', { detail: fe.message });
  }
  // PostgreSQL's class 22 (data exception: a value out of range, a date it cannot represent, bad text) and
  // 54000 (a value too long for an index): the input was wrong, whatever the contract let through.
  const sqlState = pgSqlState(error);
  if (sqlState?.startsWith('22') || sqlState === '54000') {
    return new AppError('request.validation', { detail: 'Giá trị gửi lên nằm ngoài phạm vi cho phép.' });
  }
  // A restart, a fail-over or a terminated backend: the client retries (with an Idempotency-Key on a creating
  // write, in case the connection was lost after the commit).
  if (isConnectionLost(error)) {
    return new AppError('database.unavailable', {
      headers: { 'retry-after': String(DATABASE_RETRY_AFTER_SECONDS) },
    });
  }
  return new AppError('internal');
}

const ZOD_MESSAGES: Record<string, string> = {
  invalid_type: 'Sai kiểu dữ liệu hoặc thiếu trường bắt buộc',
  too_big: 'Giá trị quá dài hoặc quá lớn',
  too_small: 'Giá trị quá ngắn hoặc quá nhỏ',
  unrecognized_keys: 'Có trường không được phép',
  invalid_format: 'Sai định dạng',
  invalid_value: 'Giá trị không được phép',
};

function translateIssue(code: string | undefined, message: string): string {
  // Messages written in Vietnamese in the contract (custom refinements) are kept as they are.
  if (code === 'custom' || /[À-ỹ]/.test(message)) return message;
  const vi = code ? ZOD_MESSAGES[code] : undefined;
  return vi ? `${vi} (${message})` : message;
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error);
    if (appError.code === 'database.unavailable') {
      const cause = (error as { cause?: Error }).cause ?? (error as Error);
      request.log.warn({ err: cause.message }, 'database unavailable');
    } else if (appError.status >= 500 || isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'request failed');
    }
    if (appError.headers) reply.headers(appError.headers);
    reply
      .status(appError.status)
      .type('application/problem+json; charset=utf-8')
      .send(problemOf(appError, request.id, request.url.split('?')[0]));
  });
}
