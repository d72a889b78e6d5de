/**
 * Sample documents of the Phúc La committee (seed 000) for the renderer's tests and benchmark. The head is real
 * (Nguyễn Thị Thu Hằng); the deputy, the secretary and the meeting facts are SAMPLE DATA, invented.
 */
import type { OfficialDocumentSpec } from './official-document.ts';

const ISSUER = {
  parent: 'UBND PHƯỜNG PHÚC LA',
  name: 'BAN CHỈ ĐẠO CẢI CÁCH HÀNH CHÍNH, CHUYỂN ĐỔI SỐ VÀ ĐỀ ÁN 06',
} as const;

const CONCLUSIONS = [
  'Văn phòng UBND phường chủ trì, phối hợp với bộ phận Một cửa rà soát toàn bộ thủ tục hành chính đang tiếp nhận tại phường, công khai đầy đủ trên Cổng dịch vụ công; hoàn thành trước ngày 31/7/2026.',
  'Công an phường đẩy mạnh thu nhận hồ sơ cấp căn cước và kích hoạt tài khoản định danh điện tử mức độ 2 cho người dân trên địa bàn; duy trì dữ liệu dân cư “đúng, đủ, sạch, sống”.',
  'Công chức Văn hóa – xã hội tăng cường tuyên truyền về chuyển đổi số, dịch vụ công trực tuyến qua hệ thống loa truyền thanh và nhóm Zalo của các tổ dân phố.',
  'Các tổ trưởng tổ dân phố phối hợp hướng dẫn người dân sử dụng ứng dụng VNeID và nộp hồ sơ trực tuyến; báo cáo kết quả về Văn phòng UBND phường trước ngày 25 hằng tháng.',
  'Văn phòng UBND phường tổng hợp đề xuất các giải pháp nâng cao Chỉ số CCHC (PAR INDEX), Chỉ số hài lòng (SIPAS) năm 2026, trình Trưởng Ban Chỉ đạo trong tháng 8/2026.',
];

/** The conclusion notice of the quarterly meeting, with `conclusions` numbered conclusions (5 by default). */
export function sampleConclusionNotice(conclusions = CONCLUSIONS.length): OfficialDocumentSpec {
  const items = Array.from({ length: conclusions }, (_, i) => CONCLUSIONS[i % CONCLUSIONS.length]!);
  return {
    issuer: { ...ISSUER },
    number: '12/TB-BCĐ',
    symbol: 'TB-BCĐ',
    place: 'Phúc La',
    date: '2026-07-05',
    kind: 'THÔNG BÁO',
    title: 'Kết luận của Trưởng Ban Chỉ đạo tại cuộc họp quý II năm 2026',
    body: [
      {
        type: 'paragraph',
        text: 'Ngày 02/7/2026, Ban Chỉ đạo cải cách hành chính, chuyển đổi số và Đề án 06 phường Phúc La tổ chức cuộc họp định kỳ quý II năm 2026. Chủ trì: đồng chí Nguyễn Thị Thu Hằng, Chủ tịch UBND phường, Trưởng Ban Chỉ đạo. Tham dự: các đồng chí thành viên Ban Chỉ đạo, Tổ giúp việc và các tổ trưởng tổ dân phố.',
      },
      {
        type: 'paragraph',
        text: 'Sau khi nghe Văn phòng UBND phường báo cáo kết quả thực hiện nhiệm vụ quý II, phương hướng nhiệm vụ quý III năm 2026 và ý kiến của các thành viên, Trưởng Ban Chỉ đạo kết luận như sau:',
      },
      { type: 'heading', text: 'I. Đánh giá chung' },
      {
        type: 'paragraph',
        text: 'Trong quý II, các thành viên Ban Chỉ đạo đã chủ động triển khai nhiệm vụ được phân công; tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn đạt 98,6%; tỷ lệ hồ sơ nộp trực tuyến đạt 72%. Bên cạnh đó, việc cập nhật dữ liệu dân cư ở một số tổ dân phố còn chậm.',
      },
      { type: 'heading', text: 'II. Nhiệm vụ trọng tâm quý III năm 2026' },
      { type: 'numbered', items },
      {
        type: 'paragraph',
        text: 'Ban Chỉ đạo cải cách hành chính, chuyển đổi số và Đề án 06 phường thông báo để các thành viên và các cơ quan, đơn vị liên quan biết, thực hiện./.',
      },
    ],
    signature: { capacity: ['TM. BAN CHỈ ĐẠO', 'TRƯỞNG BAN'], name: 'Nguyễn Thị Thu Hằng' },
    recipients: [
      'UBND quận Hà Đông',
      'BCĐ CCHC, CĐS và Đề án 06 quận',
      'Thường trực Đảng ủy, HĐND phường',
      'Các thành viên Ban Chỉ đạo',
      'Lưu: VT, VP',
    ],
  };
}

/** The invitation to the quarterly meeting (Mẫu 1.7), signed by the deputy for the head. */
export function sampleInvitation(): OfficialDocumentSpec {
  return {
    issuer: { ...ISSUER },
    number: '09/GM-BCĐ',
    symbol: 'GM-BCĐ',
    place: 'Phúc La',
    date: '2026-09-21',
    kind: 'GIẤY MỜI',
    title: 'Họp Ban Chỉ đạo định kỳ quý III năm 2026',
    body: [
      {
        type: 'paragraph',
        text: 'Ban Chỉ đạo cải cách hành chính, chuyển đổi số và Đề án 06 phường Phúc La trân trọng kính mời:',
      },
      {
        type: 'field',
        label: 'Thành phần',
        value: 'Các đồng chí thành viên Ban Chỉ đạo; Tổ giúp việc Ban Chỉ đạo.',
      },
      { type: 'paragraph', text: 'Tới dự cuộc họp Ban Chỉ đạo định kỳ quý III năm 2026.' },
      {
        type: 'field',
        label: 'Chủ trì',
        value: 'Đồng chí Nguyễn Thị Thu Hằng, Chủ tịch UBND phường, Trưởng Ban Chỉ đạo.',
      },
      { type: 'field', label: 'Thời gian:', value: '14 giờ 00, thứ Năm ngày 24/9/2026.' },
      { type: 'field', label: 'Địa điểm:', value: 'Hội trường tầng 3, trụ sở UBND phường Phúc La.' },
      { type: 'heading', text: 'Nội dung:' },
      {
        type: 'numbered',
        items: [
          'Báo cáo kết quả thực hiện nhiệm vụ cải cách hành chính, chuyển đổi số và Đề án 06 quý III, phương hướng quý IV năm 2026 (Văn phòng UBND phường trình bày).',
          'Tiến độ cấp căn cước, kích hoạt tài khoản định danh điện tử và làm sạch dữ liệu dân cư (Công an phường trình bày).',
          'Ý kiến của các thành viên; kết luận của Trưởng Ban Chỉ đạo.',
        ],
      },
      {
        type: 'paragraph',
        text: 'Đề nghị các đồng chí nghiên cứu tài liệu gửi kèm và xác nhận tham dự trước 16 giờ 00 ngày 23/9/2026; trường hợp vắng mặt hoặc cử người dự thay phải báo cáo và được sự đồng ý của người chủ trì cuộc họp./.',
      },
    ],
    signature: { capacity: ['KT. TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN'], name: 'Lê Văn Minh' },
    recipients: ['Như thành phần mời', 'Lưu: VT, VP'],
  };
}

/** The minutes of the quarterly meeting (Mẫu 1.9): no date line, THƯ KÝ and CHỦ TỌA sign. */
export function sampleMinutes(): OfficialDocumentSpec {
  return {
    issuer: { ...ISSUER },
    number: '03/BB-BCĐ',
    symbol: 'BB-BCĐ',
    place: 'Phúc La',
    date: '2026-07-02',
    kind: 'BIÊN BẢN',
    title: 'Cuộc họp Ban Chỉ đạo định kỳ quý II năm 2026',
    body: [
      { type: 'paragraph', text: 'Thời gian bắt đầu: 14 giờ 00, ngày 02/7/2026.' },
      { type: 'paragraph', text: 'Địa điểm: Hội trường tầng 3, trụ sở UBND phường Phúc La.' },
      {
        type: 'paragraph',
        text: 'Thành phần tham dự: 15/17 thành viên Ban Chỉ đạo; vắng 02 đồng chí (có lý do, đã gửi ý kiến bằng văn bản).',
      },
      {
        type: 'paragraph',
        text: 'Chủ trì: đồng chí Nguyễn Thị Thu Hằng, Chủ tịch UBND phường, Trưởng Ban Chỉ đạo.',
      },
      { type: 'paragraph', text: 'Thư ký: đồng chí Vũ Trọng Huân, công chức Văn phòng – thống kê.' },
      { type: 'heading', text: 'Nội dung:' },
      {
        type: 'numbered',
        items: [
          'Đồng chí Vũ Trọng Huân báo cáo kết quả thực hiện nhiệm vụ quý II năm 2026.',
          'Đồng chí Trịnh Xuân Hoàn báo cáo tiến độ thực hiện Đề án 06; đề nghị các tổ dân phố phối hợp rà soát dữ liệu dân cư.',
          'Trưởng Ban Chỉ đạo kết luận (nội dung tại Thông báo kết luận số 12/TB-BCĐ).',
        ],
      },
      {
        type: 'paragraph',
        text: 'Cuộc họp kết thúc vào 16 giờ 30, ngày 02 tháng 7 năm 2026./.',
      },
    ],
    signature: { capacity: ['CHỦ TỌA'], name: 'Nguyễn Thị Thu Hằng' },
    minutes: { secretary: 'Vũ Trọng Huân' },
    recipients: ['Các thành viên Ban Chỉ đạo', 'Lưu: VT, Hồ sơ'],
  };
}
