import { LABOR_CODE_2019, type OfficialSchedule } from './types.ts';

/** Days off of 2025 for cadres, civil servants and public employees. */
export const VN_2025: OfficialSchedule = {
  year: 2025,
  sources: [
    {
      number: '8726/VPCP-KGVX',
      issuedOn: '2024-11-26',
      issuer: 'Văn phòng Chính phủ',
      title:
        'Về việc nghỉ Tết Âm lịch và một số dịp nghỉ lễ trong năm 2025 (ý kiến chỉ đạo của Thủ tướng Chính phủ)',
    },
    {
      number: '6150/TB-LĐTBXH',
      issuedOn: '2024-12-03',
      issuer: 'Bộ Lao động - Thương binh và Xã hội',
      title:
        'Thông báo về việc nghỉ Tết Âm lịch, nghỉ lễ Quốc khánh, nghỉ lễ Ngày Chiến thắng 30/4 và Ngày Quốc tế lao động 01/5 năm 2025 đối với cán bộ, công chức, viên chức và người lao động',
    },
  ],
  days: [
    { date: '2025-01-01', kind: 'holiday', name: 'Tết Dương lịch', source: LABOR_CODE_2019 },
    // Tết Ất Tỵ: 5 days thứ Hai 27/01 (28 Tết) – thứ Sáu 31/01 (Mùng 3); with the weekends, off 25/01 – 02/02.
    { date: '2025-01-27', kind: 'holiday', name: 'Tết Nguyên đán (28 Tết)', source: '6150/TB-LĐTBXH' },
    { date: '2025-01-28', kind: 'holiday', name: 'Tết Nguyên đán (29 Tết)', source: '6150/TB-LĐTBXH' },
    { date: '2025-01-29', kind: 'holiday', name: 'Tết Nguyên đán (Mùng 1)', source: '6150/TB-LĐTBXH' },
    { date: '2025-01-30', kind: 'holiday', name: 'Tết Nguyên đán (Mùng 2)', source: '6150/TB-LĐTBXH' },
    { date: '2025-01-31', kind: 'holiday', name: 'Tết Nguyên đán (Mùng 3)', source: '6150/TB-LĐTBXH' },
    {
      date: '2025-04-07',
      kind: 'holiday',
      name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
      source: LABOR_CODE_2019,
    },
    // Thứ Sáu 02/5 swapped with thứ Bảy 26/4: off thứ Tư 30/4 – Chủ nhật 04/5.
    {
      date: '2025-04-26',
      kind: 'swappedWorkday',
      name: 'Làm bù cho thứ Sáu 02/05/2025',
      source: '6150/TB-LĐTBXH',
    },
    { date: '2025-04-30', kind: 'holiday', name: 'Ngày Chiến thắng 30/4', source: LABOR_CODE_2019 },
    { date: '2025-05-01', kind: 'holiday', name: 'Ngày Quốc tế Lao động 1/5', source: LABOR_CODE_2019 },
    {
      date: '2025-05-02',
      kind: 'dayOffBySwap',
      name: 'Nghỉ hoán đổi (làm bù thứ Bảy 26/04/2025)',
      source: '6150/TB-LĐTBXH',
    },
    // Quốc khánh: off thứ Bảy 30/8 – thứ Ba 02/9.
    {
      date: '2025-09-01',
      kind: 'holiday',
      name: 'Quốc khánh (ngày nghỉ liền kề 1/9)',
      source: '6150/TB-LĐTBXH',
    },
    { date: '2025-09-02', kind: 'holiday', name: 'Quốc khánh 2/9', source: '6150/TB-LĐTBXH' },
  ],
  note:
    'Tết 2025 needed no swap: the five Tết days are thứ Hai 27/01 – thứ Sáu 31/01 (28 Tết – Mùng 3), so there is ' +
    'no make-up Saturday 08/02/2025 (that was not in the final schedule). The 30/4 swap (02/05 off, 26/04 worked) ' +
    'and Quốc khánh 30/08 – 02/09 were confirmed from press reports of 8726/VPCP-KGVX and 6150/TB-LĐTBXH; the ' +
    'Ministry of Home Affairs repeated the Quốc khánh schedule in August 2025 (notice number not confirmed). ' +
    'Tết Dương lịch (thứ Tư 01/01) and Giỗ Tổ (thứ Hai 07/04) follow from the Labor Code with no swap.',
};
