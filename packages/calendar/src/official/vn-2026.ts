import { LABOR_CODE_2019, type OfficialSchedule } from './types.ts';

/** Days off of 2026 for cadres, civil servants and public employees. */
export const VN_2026: OfficialSchedule = {
  year: 2026,
  sources: [
    {
      number: '9859/VPCP-KGVX',
      issuedOn: '2025-10-13',
      issuer: 'Văn phòng Chính phủ',
      title:
        'Về lịch nghỉ Tết Âm lịch và nghỉ lễ Quốc khánh năm 2026 (ý kiến chỉ đạo của Thủ tướng Chính phủ)',
    },
    {
      number: '9441/TB-BNV',
      issuedOn: '2025-10-16',
      issuer: 'Bộ Nội vụ',
      title:
        'Thông báo về việc nghỉ Tết Âm lịch và nghỉ lễ Quốc khánh năm 2026 đối với cán bộ, công chức, viên chức và người lao động',
    },
    {
      number: '12729/VPCP-KGVX',
      issuedOn: '2025-12-25',
      issuer: 'Văn phòng Chính phủ',
      title:
        'Về việc nghỉ Tết Dương lịch năm 2026 (ý kiến của Phó Thủ tướng Phạm Thị Thanh Trà đồng ý hoán đổi ngày làm việc)',
    },
  ],
  days: [
    // Tết Dương lịch: thứ Sáu 02/01 swapped with thứ Bảy 10/01; off thứ Năm 01/01 – Chủ nhật 04/01.
    { date: '2026-01-01', kind: 'holiday', name: 'Tết Dương lịch', source: LABOR_CODE_2019 },
    {
      date: '2026-01-02',
      kind: 'dayOffBySwap',
      name: 'Nghỉ hoán đổi (làm bù thứ Bảy 10/01/2026)',
      source: '12729/VPCP-KGVX',
    },
    {
      date: '2026-01-10',
      kind: 'swappedWorkday',
      name: 'Làm bù cho thứ Sáu 02/01/2026',
      source: '12729/VPCP-KGVX',
    },
    // Tết Bính Ngọ: 5 days thứ Hai 16/02 (29 Tết, last day of Ất Tỵ) – thứ Sáu 20/02 (Mùng 4); off 14/02 – 22/02.
    { date: '2026-02-16', kind: 'holiday', name: 'Tết Nguyên đán (29 Tết)', source: '9441/TB-BNV' },
    { date: '2026-02-17', kind: 'holiday', name: 'Tết Nguyên đán (Mùng 1)', source: '9441/TB-BNV' },
    { date: '2026-02-18', kind: 'holiday', name: 'Tết Nguyên đán (Mùng 2)', source: '9441/TB-BNV' },
    { date: '2026-02-19', kind: 'holiday', name: 'Tết Nguyên đán (Mùng 3)', source: '9441/TB-BNV' },
    { date: '2026-02-20', kind: 'holiday', name: 'Tết Nguyên đán (Mùng 4)', source: '9441/TB-BNV' },
    // Giỗ Tổ falls on Chủ nhật 26/04: nghỉ bù thứ Hai 27/04 (Art. 111(3)).
    {
      date: '2026-04-26',
      kind: 'holiday',
      name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
      source: LABOR_CODE_2019,
    },
    {
      date: '2026-04-27',
      kind: 'compensatory',
      name: 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)',
      source: LABOR_CODE_2019,
    },
    { date: '2026-04-30', kind: 'holiday', name: 'Ngày Chiến thắng 30/4', source: LABOR_CODE_2019 },
    { date: '2026-05-01', kind: 'holiday', name: 'Ngày Quốc tế Lao động 1/5', source: LABOR_CODE_2019 },
    // Quốc khánh: 01/9 and 02/9, thứ Hai 31/8 swapped with thứ Bảy 22/8; off thứ Bảy 29/8 – thứ Tư 02/9.
    {
      date: '2026-08-22',
      kind: 'swappedWorkday',
      name: 'Làm bù cho thứ Hai 31/08/2026',
      source: '9441/TB-BNV',
    },
    {
      date: '2026-08-31',
      kind: 'dayOffBySwap',
      name: 'Nghỉ hoán đổi (làm bù thứ Bảy 22/08/2026)',
      source: '9441/TB-BNV',
    },
    {
      date: '2026-09-01',
      kind: 'holiday',
      name: 'Quốc khánh (ngày nghỉ liền kề 1/9)',
      source: '9441/TB-BNV',
    },
    { date: '2026-09-02', kind: 'holiday', name: 'Quốc khánh 2/9', source: '9441/TB-BNV' },
  ],
  note:
    'Giỗ Tổ (Chủ nhật 26/04, nghỉ bù thứ Hai 27/04) and 30/4–1/5 (thứ Năm, thứ Sáu) follow from the Labor Code; ' +
    'no swap for them was found in sources up to 02/2026. The Tết Dương lịch swap is from 12729/VPCP-KGVX; the ' +
    'Ministry of Home Affairs notice issued the same day to implement it was not confirmed by number. ' +
    'Ngày Văn hóa Việt Nam 24/11 (Nghị quyết 80-NQ/TW, Nghị quyết 30/NQ-CP) is planned as a paid holiday but was ' +
    'not yet in the Labor Code as of 02/2026, so it is not listed; add it as an override if it is enacted for 2026.',
};
