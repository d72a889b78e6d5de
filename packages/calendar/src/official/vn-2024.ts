import { LABOR_CODE_2019, type OfficialSchedule } from './types.ts';

/** Days off of 2024 for cadres, civil servants and public employees. */
export const VN_2024: OfficialSchedule = {
  year: 2024,
  sources: [
    {
      number: '5015/TB-LĐTBXH',
      issuedOn: '2023-11-22',
      issuer: 'Bộ Lao động - Thương binh và Xã hội',
      title:
        'Thông báo về việc nghỉ Tết Âm lịch và nghỉ lễ Quốc khánh năm 2024 đối với cán bộ, công chức, viên chức và người lao động',
    },
    {
      number: '2450/VPCP-KGVX',
      issuedOn: '2024-04-12',
      issuer: 'Văn phòng Chính phủ',
      title:
        'Về việc hoán đổi ngày làm việc dịp nghỉ lễ Ngày Chiến thắng 30/4 và Ngày Quốc tế lao động 01/5 năm 2024 (ý kiến chỉ đạo của Thủ tướng Chính phủ)',
    },
  ],
  days: [
    { date: '2024-01-01', kind: 'holiday', name: 'Tết Dương lịch', source: LABOR_CODE_2019 },
    // Tết Giáp Thìn: thứ Năm 08/02 (29 Tết) – thứ Tư 14/02 (Mùng 5): 5 Tết days + 2 nghỉ bù for Sat/Sun.
    { date: '2024-02-08', kind: 'holiday', name: 'Tết Nguyên đán (29 Tết)', source: '5015/TB-LĐTBXH' },
    { date: '2024-02-09', kind: 'holiday', name: 'Tết Nguyên đán (30 Tết)', source: '5015/TB-LĐTBXH' },
    { date: '2024-02-10', kind: 'holiday', name: 'Tết Nguyên đán (Mùng 1)', source: '5015/TB-LĐTBXH' },
    { date: '2024-02-11', kind: 'holiday', name: 'Tết Nguyên đán (Mùng 2)', source: '5015/TB-LĐTBXH' },
    { date: '2024-02-12', kind: 'holiday', name: 'Tết Nguyên đán (Mùng 3)', source: '5015/TB-LĐTBXH' },
    {
      date: '2024-02-13',
      kind: 'compensatory',
      name: 'Nghỉ bù Tết Nguyên đán (Mùng 4)',
      source: '5015/TB-LĐTBXH',
    },
    {
      date: '2024-02-14',
      kind: 'compensatory',
      name: 'Nghỉ bù Tết Nguyên đán (Mùng 5)',
      source: '5015/TB-LĐTBXH',
    },
    {
      date: '2024-04-18',
      kind: 'holiday',
      name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
      source: LABOR_CODE_2019,
    },
    // Thứ Hai 29/4 swapped with thứ Bảy 04/5: off thứ Bảy 27/4 – thứ Tư 01/5.
    {
      date: '2024-04-29',
      kind: 'dayOffBySwap',
      name: 'Nghỉ hoán đổi (làm bù thứ Bảy 04/05/2024)',
      source: '2450/VPCP-KGVX',
    },
    { date: '2024-04-30', kind: 'holiday', name: 'Ngày Chiến thắng 30/4', source: LABOR_CODE_2019 },
    { date: '2024-05-01', kind: 'holiday', name: 'Ngày Quốc tế Lao động 1/5', source: LABOR_CODE_2019 },
    {
      date: '2024-05-04',
      kind: 'swappedWorkday',
      name: 'Làm bù cho thứ Hai 29/04/2024',
      source: '2450/VPCP-KGVX',
    },
    // Quốc khánh: off thứ Bảy 31/8 – thứ Ba 03/9 (2 holidays + 2 weekly rest days).
    { date: '2024-09-02', kind: 'holiday', name: 'Quốc khánh 2/9', source: '5015/TB-LĐTBXH' },
    {
      date: '2024-09-03',
      kind: 'holiday',
      name: 'Quốc khánh (ngày nghỉ liền kề 3/9)',
      source: '5015/TB-LĐTBXH',
    },
  ],
  note:
    'Tết Dương lịch (thứ Hai 01/01) and Giỗ Tổ (thứ Năm 18/04 = 10/3 Giáp Thìn) follow from the Labor Code with no ' +
    'swap. The make-up Saturday 04/05/2024 is reported by the press and the Ho Chi Minh City People’s Committee ' +
    'announcement implementing 2450/VPCP-KGVX; the Ministry’s follow-up notice number was not confirmed. ' +
    'The Ministry notice for Tết 2024 is 5015/TB-LĐTBXH (22/11/2023), not 6150 (that number is the 2025 notice).',
};
