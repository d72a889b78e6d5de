import { describe, expect, it } from 'vitest';
import { parseDocumentsSearch } from './api.ts';
import { formatIsoDate, parsePlanItems } from './documents.ts';

describe('parsePlanItems', () => {
  it('reads "domain | quarter | task | lead | co-operating | product | deadline" lines, dates as dd/MM/yyyy', () => {
    const { items, badLine } = parsePlanItems(
      'Cải cách hành chính | 1 | Rà soát thủ tục | Văn phòng | Một cửa | Báo cáo | 31/3/2027\n\nĐề án 06 | | Làm sạch dữ liệu | Công an phường',
    );
    expect(badLine).toBeNull();
    expect(items).toEqual([
      {
        domain: 'Cải cách hành chính',
        quarter: 1,
        title: 'Rà soát thủ tục',
        lead: 'Văn phòng',
        cooperating: 'Một cửa',
        product: 'Báo cáo',
        deadline: '2027-03-31',
      },
      {
        domain: 'Đề án 06',
        quarter: null,
        title: 'Làm sạch dữ liệu',
        lead: 'Công an phường',
        deadline: null,
      },
    ]);
  });

  it('names the first bad line: no lead, a fifth quarter, a date that does not exist', () => {
    expect(parsePlanItems('CCHC | 1 | Việc').badLine).toBe(1);
    expect(parsePlanItems('CCHC | 1 | Việc | Văn phòng\nCCHC | 5 | Việc | Văn phòng').badLine).toBe(2);
    expect(parsePlanItems('CCHC | 2 | Việc | Văn phòng | | | 31/02/2027').badLine).toBe(1);
  });
});

describe('parseDocumentsSearch', () => {
  it('keeps valid filters and drops the rest', () => {
    expect(
      parseDocumentsSearch({
        ban: '0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
        loai: 'notice',
        chieu: 'incoming',
        so: ' 12/TB ',
        tu: '2026-01-01',
        den: '01/02/2026',
        noiBanHanh: 'ha dong',
        q: '',
      }),
    ).toEqual({
      ban: '0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
      loai: 'notice',
      chieu: 'incoming',
      so: '12/TB',
      tu: '2026-01-01',
      den: undefined,
      noiBanHanh: 'ha dong',
      q: undefined,
    });
    expect(parseDocumentsSearch({ loai: 'memo', chieu: 'sideways', ban: 'x' })).toEqual({
      ban: undefined,
      loai: undefined,
      chieu: undefined,
      so: undefined,
      tu: undefined,
      den: undefined,
      noiBanHanh: undefined,
      q: undefined,
    });
  });

  it('shows dates as dd/MM/yyyy', () => {
    expect(formatIsoDate('2026-07-05')).toBe('05/07/2026');
    expect(formatIsoDate(null)).toBe('');
  });
});
