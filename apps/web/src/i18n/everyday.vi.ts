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
