import { CreateFrameworkBody as Body } from '@steerco/contract/indicators';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import * as clock from '../clock.ts';
import type { Tx } from '../db/client.ts';
import { uuidv7 } from '../db/ids.ts';
import { committees } from '../modules/committees/committees.schema.ts';
import { insertFramework } from '../modules/indicators/catalogue.repo.ts';
import {
  indicatorFrameworks,
  indicators,
  indicatorTargets,
  indicatorValues,
} from '../modules/indicators/indicators.schema.ts';
import { refreshSummaries } from '../modules/indicators/summary.service.ts';

// Sample indicator frameworks (R19), from ../shared/research/reports-indicators.md. Every one is sample data;
// where no published source gives the structure at ward level it is marked unconfirmed.

type CreateFrameworkBody = z.input<typeof Body>;
type In = CreateFrameworkBody['groups'][number]['indicators'][number];
const pct = (code: string, name: string, domain: string, extra: Partial<In> = {}): In => ({
  code,
  name,
  unit: 'percent',
  domain,
  ...extra,
});

const da06 = (year: number): CreateFrameworkBody => ({
  code: 'DA06',
  name: 'Chỉ tiêu Đề án 06 cấp xã (mẫu)',
  year,
  basis: 'QĐ 06/QĐ-TTg ngày 06/01/2022; danh mục chỉ tiêu cấp xã chưa được xác nhận',
  isSample: true,
  unconfirmed: true,
  scored: false,
  groups: [
    {
      code: 'DA06.CD',
      name: 'Công dân số',
      indicators: [
        pct('DA06.CCCD', 'Tỷ lệ cấp Căn cước công dân gắn chip', 'DA06', { ownerAgency: 'Công an cấp xã' }),
        pct('DA06.VNEID', 'Tỷ lệ kích hoạt tài khoản định danh điện tử VNeID mức 2', 'DA06', {
          ownerAgency: 'Công an cấp xã',
        }),
        pct('DA06.DULIEU', 'Tỷ lệ dữ liệu dân cư "đúng, đủ, sạch, sống"', 'DA06', {
          ownerAgency: 'Công an cấp xã',
          aggregation: 'min',
        }),
        {
          ...pct('DA06.DANSO', 'Dân số thường trú (người)', 'DA06', { ownerAgency: 'Công an cấp xã' }),
          unit: 'count',
          aggregation: 'sum',
          frequency: 'yearly',
        },
      ],
    },
    {
      code: 'DA06.ASXH',
      name: 'Kinh tế – xã hội',
      indicators: [
        pct('DA06.ASXH', 'Tỷ lệ chi trả an sinh xã hội không dùng tiền mặt', 'DA06', {
          ownerAgency: 'Công chức Văn hóa – xã hội',
          aggregation: 'weightedAverage',
          weightCode: 'DA06.DANSO',
        }),
        pct('DA06.DAT', 'Tỷ lệ xã đạt chỉ tiêu an sinh không dùng tiền mặt', 'DA06', {
          aggregation: 'shareMeeting',
        }),
      ],
    },
  ],
});

const tthc = (year: number): CreateFrameworkBody => ({
  code: 'QD766',
  name: 'Bộ chỉ số phục vụ người dân, doanh nghiệp (mẫu)',
  year,
  basis: 'QĐ 766/QĐ-TTg ngày 23/6/2022',
  isSample: true,
  unconfirmed: false,
  scored: false,
  groups: [
    {
      code: 'QD766.CK',
      name: 'Công khai, minh bạch',
      indicators: [pct('QD766.CK', 'Công khai TTHC đúng hạn', 'CCHC')],
    },
    {
      code: 'QD766.TD',
      name: 'Tiến độ giải quyết',
      indicators: [pct('QD766.DUNGHAN', 'Tỷ lệ hồ sơ giải quyết đúng hạn', 'CCHC', { frequency: 'monthly' })],
    },
    {
      code: 'QD766.SH',
      name: 'Số hóa hồ sơ',
      indicators: [pct('QD766.SOHOA', 'Tỷ lệ hồ sơ được số hóa kết quả', 'CDS')],
    },
    {
      code: 'QD766.DVC',
      name: 'Dịch vụ công trực tuyến',
      indicators: [pct('QD766.TRUCTUYEN', 'Tỷ lệ hồ sơ nộp trực tuyến', 'CDS', { frequency: 'monthly' })],
    },
    {
      code: 'QD766.HL',
      name: 'Mức độ hài lòng',
      indicators: [pct('QD766.HAILONG', 'Mức độ hài lòng của người dân, doanh nghiệp', 'CCHC')],
    },
  ],
});

const dti = (year: number): CreateFrameworkBody => ({
  code: 'DTI',
  name: 'Chỉ số chuyển đổi số (mẫu, cấp xã)',
  year,
  basis: 'QĐ 405/QĐ-BKHCN ngày 03/4/2025 (cấp tỉnh); cấu trúc cấp xã chưa được xác nhận',
  isSample: true,
  unconfirmed: true,
  scored: false,
  groups: [
    {
      code: 'DTI.CQS',
      name: 'Chính quyền số',
      indicators: [
        pct('DTI.CQS', 'Điểm trụ cột chính quyền số', 'CDS', { frequency: 'yearly', unit: 'points' }),
      ],
    },
    {
      code: 'DTI.KTS',
      name: 'Kinh tế số',
      indicators: [pct('DTI.KTS', 'Điểm trụ cột kinh tế số', 'CDS', { frequency: 'yearly', unit: 'points' })],
    },
    {
      code: 'DTI.XHS',
      name: 'Xã hội số',
      indicators: [pct('DTI.XHS', 'Điểm trụ cột xã hội số', 'CDS', { frequency: 'yearly', unit: 'points' })],
    },
  ],
});

const steerco = (year: number): CreateFrameworkBody => ({
  code: 'BCD',
  name: 'Chỉ số điều hành của Ban Chỉ đạo (tính từ hệ thống)',
  year,
  basis: null,
  isSample: true,
  unconfirmed: false,
  scored: false,
  groups: [
    {
      code: 'BCD.DH',
      name: 'Điều hành',
      indicators: [
        pct('BCD.DUNGHAN', 'Tỷ lệ nhiệm vụ hoàn thành đúng hạn', 'CCHC', { source: 'computed' }),
        {
          ...pct('BCD.QUAHAN', 'Số nhiệm vụ quá hạn', 'CCHC', { source: 'computed' }),
          unit: 'count',
          direction: 'lower',
          aggregation: 'sum',
        },
        pct('BCD.GIAYMOI', 'Tỷ lệ cuộc họp gửi giấy mời đúng hạn', 'CCHC', { source: 'computed' }),
        pct('BCD.BAOCAO', 'Tỷ lệ báo cáo gửi đúng hạn', 'CCHC', { source: 'computed' }),
      ],
    },
  ],
});

/** PAR INDEX lĩnh vực with the older provincial maxima (QĐ 2948, 100 points); tiêu chí are sample. */
const PAR_FIELDS: [string, string, number][] = [
  ['CD', 'Công tác chỉ đạo, điều hành cải cách hành chính', 10],
  ['VB', 'Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật', 10],
  ['TTHC', 'Cải cách thủ tục hành chính', 14.5],
  ['BM', 'Cải cách tổ chức bộ máy hành chính', 11],
  ['CB', 'Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức', 16],
  ['TC', 'Cải cách tài chính công', 7],
  ['HDH', 'Xây dựng, phát triển chính quyền điện tử, chính quyền số', 16],
  ['TD', 'Tác động của cải cách hành chính đến người dân, tổ chức', 15.5],
];

const par = (year: number): CreateFrameworkBody => ({
  code: 'PAR',
  name: 'Chỉ số cải cách hành chính cấp xã (mẫu)',
  year,
  basis:
    'Theo cấu trúc QĐ 876/QĐ-BNV ngày 10/11/2022 (lĩnh vực → tiêu chí → tiêu chí thành phần, 100 điểm); tiêu chí cấp xã chưa được xác nhận',
  isSample: true,
  unconfirmed: true,
  scored: true,
  groups: PAR_FIELDS.map(([code, name, max]) => {
    const half = Math.round((max / 2) * 4) / 4;
    const points = (n: number, maxPoints: number) => ({
      code: `PAR.${code}.${n}`,
      name: `${name} — tiêu chí ${n}`,
      unit: 'points' as const,
      direction: 'higher' as const,
      aggregation: 'average' as const,
      frequency: 'yearly' as const,
      source: 'entered' as const,
      domain: 'CCHC',
      maxPoints,
    });
    return {
      code: `PAR.${code}`,
      name,
      maxPoints: max,
      indicators: [
        {
          ...points(1, half),
          name: `${name}: kế hoạch và thực hiện kế hoạch`,
          subIndicators: [
            { ...points(1, half / 2), code: `PAR.${code}.1.1`, name: 'Ban hành kế hoạch đúng thời hạn' },
            { ...points(1, half / 2), code: `PAR.${code}.1.2`, name: 'Mức độ hoàn thành kế hoạch' },
          ],
        },
        { ...points(2, max - half), name: `${name}: kiểm tra, báo cáo, tuyên truyền`, subIndicators: [] },
      ],
    };
  }),
});

/** Every sample framework in the versions of `years`. */
export async function seedIndicatorFrameworks(tx: Tx, years: number[]) {
  for (const year of years)
    for (const make of [da06, tthc, dti, steerco, par]) await insertFramework(tx, Body.parse(make(year)));
}

/**
 * Sample figures on the sample hierarchy (Hà Đông and its wards), marked as such through the committees: the
 * year's targets set by Hà Đông, and the completed quarters' approved values of the Đề án 06 and QĐ 766
 * indicators — Phúc La's last completed quarter is left for its police to enter (the journey).
 */
export async function seedIndicatorValues(
  tx: Tx,
  org: { haDongCommitteeId: string; phucLaCommitteeId: string },
) {
  const today = clock.today();
  const year = Number(today.slice(0, 4));
  const completed = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  const wards = await tx
    .select({ id: committees.id, name: committees.name })
    .from(committees)
    .where(and(eq(committees.parentId, org.haDongCommitteeId), eq(committees.status, 'active')))
    .orderBy(asc(committees.name));
  const codes = ['DA06.VNEID', 'DA06.CCCD', 'DA06.DULIEU', 'QD766.TRUCTUYEN'];
  const found = await tx
    .select({ id: indicators.id, code: indicators.code, frequency: indicators.frequency })
    .from(indicators)
    .innerJoin(indicatorFrameworks, eq(indicatorFrameworks.id, indicators.frameworkId))
    .where(and(eq(indicatorFrameworks.year, year), inArray(indicators.code, codes)));
  const TARGETS: Record<string, number> = {
    'DA06.VNEID': 80,
    'DA06.CCCD': 98,
    'DA06.DULIEU': 95,
    'QD766.TRUCTUYEN': 60,
  };
  // A starting level and a quarterly step per ward (Phúc La first by name order is not assumed).
  const START: Record<string, number> = {
    'DA06.VNEID': 50,
    'DA06.CCCD': 88,
    'DA06.DULIEU': 85,
    'QD766.TRUCTUYEN': 35,
  };
  const touched = new Map<string, string[]>();
  for (const [k, ward] of wards.entries()) {
    const phucLa = ward.id === org.phucLaCommitteeId;
    for (const ind of found) {
      await tx.insert(indicatorTargets).values({
        committeeId: ward.id,
        indicatorId: ind.id,
        value: TARGETS[ind.code]!,
        setFrom: 'committeeAbove',
        note: 'Chỉ tiêu mẫu do Ban Chỉ đạo quận Hà Đông giao (dữ liệu mẫu)',
      });
      const quarters = phucLa && ind.code === 'DA06.VNEID' ? completed - 1 : completed;
      const step = phucLa ? 6 : 3 + ((k * 7) % 6);
      const start = phucLa
        ? 58 - (START['DA06.VNEID']! - START[ind.code]!)
        : START[ind.code]! + ((k * 5) % 12);
      const rows = Array.from({ length: Math.max(0, quarters) }, (_, q) => ({
        id: uuidv7(),
        committeeId: ward.id,
        indicatorId: ind.id,
        period: ind.frequency === 'monthly' ? (q + 1) * 3 : q + 1,
        value: Math.min(100, Math.round((start + q * step) * 10) / 10),
        note: 'Số liệu mẫu',
        status: 'approved' as const,
        source: 'imported' as const,
        decidedAt: clock.now(),
      }));
      if (rows.length) await tx.insert(indicatorValues).values(rows);
      touched.set(ward.id, [...(touched.get(ward.id) ?? []), ind.id]);
    }
  }
  for (const [committeeId, ids] of touched) await refreshSummaries(tx, committeeId, ids);
}
