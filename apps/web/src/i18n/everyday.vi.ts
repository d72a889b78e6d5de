/** Everyday pages (issue 19): my inbox, the header's search, the notification history. */
export const inboxVi = {
  title: 'Việc chờ tôi xử lý',
  subtitle:
    'Mọi việc đang chờ ông/bà quyết định hoặc trả lời, mới nhất trước: duyệt vắng mặt và người dự thay, đề nghị gửi giấy mời muộn, biên bản họp, báo cáo hoàn thành, đề nghị gia hạn, văn bản trình ký, giấy mời chưa trả lời và thay đổi nhân sự.',
  hint: 'Mới nhất trước; bấm vào một việc để mở trang xử lý.',
  empty: 'Không có việc nào đang chờ ông/bà xử lý.',
  emptyHint: 'Khi có đề nghị, báo cáo hoặc giấy mời cần ông/bà quyết định, việc đó sẽ hiện ở đây.',
  all: 'Tất cả ({{count}})',
  filter: 'Lọc theo loại việc',
  noneOfKind: 'Không còn việc nào thuộc loại này.',
  kinds: {
    absenceApproval: 'Duyệt vắng mặt, dự thay',
    lateNotice: 'Gửi giấy mời muộn',
    minutesApproval: 'Duyệt biên bản họp',
    invitation: 'Giấy mời chưa trả lời',
    taskReview: 'Xét báo cáo hoàn thành',
    extensionRequest: 'Đề nghị gia hạn',
    documentSign: 'Văn bản trình ký',
    personnelChange: 'Thay đổi nhân sự',
  },
};

export const searchVi = {
  open: 'Tìm kiếm',
  placeholder: 'Tìm cuộc họp, nhiệm vụ, văn bản, Ban Chỉ đạo, người…',
  label: 'Tìm kiếm trong hệ thống',
  hint: 'Gõ không dấu cũng được; ↑ ↓ để chọn, Enter để mở.',
  tooShort: 'Gõ ít nhất 2 ký tự.',
  empty: 'Không tìm thấy kết quả phù hợp.',
  failed: 'Không tìm được, vui lòng thử lại.',
  groups: {
    meetings: 'Cuộc họp',
    tasks: 'Nhiệm vụ',
    documents: 'Văn bản',
    committees: 'Ban Chỉ đạo',
    people: 'Người',
  },
};

export const notificationCentreVi = {
  title: 'Thông báo',
  subtitle: 'Toàn bộ thông báo ông/bà đã nhận, mới nhất trước.',
  state: 'Trạng thái',
  states: { all: 'Tất cả', unread: 'Chưa đọc', read: 'Đã đọc' },
  area: 'Loại',
  areas: {
    all: 'Mọi loại',
    meeting: 'Cuộc họp',
    task: 'Nhiệm vụ',
    document: 'Văn bản',
    report: 'Báo cáo',
    personnel: 'Nhân sự',
    other: 'Khác',
  },
  unreadCount: '{{count}} chưa đọc',
  empty: 'Không có thông báo nào phù hợp.',
  more: 'Xem thêm',
  markRead: 'Đánh dấu đã đọc',
  open: 'Mở',
};

export const scheduleVi = {
  title: 'Lịch công tác',
  subtitle:
    'Lịch họp của Ban Chỉ đạo theo tuần hoặc tháng, cùng hạn nhiệm vụ trong tuần; lọc theo Ban Chỉ đạo và in trên khổ A4.',
  print: 'In lịch (A4)',
  view: 'Cách xem',
  week: 'Tuần',
  month: 'Tháng',
  previous: 'Trước',
  next: 'Sau',
  today: 'Hôm nay',
  committee: 'Ban Chỉ đạo',
  allCommittees: 'Tất cả Ban Chỉ đạo tôi được xem',
  weekOf: 'LỊCH CÔNG TÁC TUẦN (từ {{from}} đến {{to}})',
  monthOf: 'LỊCH CÔNG TÁC THÁNG {{month}}',
  noMeetings: 'Không có cuộc họp',
  cancelled: 'Đã hủy',
  deadlines: 'Hạn nhiệm vụ ({{count}}):',
  deadlinesShort: '{{count}} hạn nhiệm vụ',
  columns: { day: 'Thứ, ngày', time: 'Giờ', content: 'Nội dung', chair: 'Chủ trì', place: 'Địa điểm' },
  weekdays: {
    mon: 'Thứ Hai',
    tue: 'Thứ Ba',
    wed: 'Thứ Tư',
    thu: 'Thứ Năm',
    fri: 'Thứ Sáu',
    sat: 'Thứ Bảy',
    sun: 'Chủ nhật',
  },
  feed: {
    title: 'Đăng ký lịch họp vào ứng dụng lịch',
    hint: 'Tạo một địa chỉ riêng rồi thêm vào Google Calendar, Outlook hoặc lịch điện thoại (“Đăng ký lịch qua URL”): cuộc họp mới, thay đổi và bị hủy sẽ tự cập nhật. Giữ bí mật địa chỉ này; có thể thu hồi bất cứ lúc nào.',
    active:
      'Đã tạo địa chỉ lúc {{date}}. Địa chỉ chỉ hiện một lần khi tạo; tạo lại để lấy địa chỉ mới (địa chỉ cũ hết hiệu lực).',
    url: 'Địa chỉ lịch của tôi',
    copy: 'Sao chép',
    copied: 'Đã sao chép',
    create: 'Tạo địa chỉ lịch',
    renew: 'Tạo lại địa chỉ',
    revoke: 'Thu hồi',
  },
};
