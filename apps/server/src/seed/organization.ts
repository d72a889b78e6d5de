import { readFileSync } from 'node:fs';
import { DEFAULT_DOMAINS, type DecisionRef } from '@steerco/contract/committees';
import type { CommitteeRole } from '@steerco/contract/memberships';
import { DEFAULT_RULE_SETTINGS } from '@steerco/contract/regulation';
import type { Tx } from '../db/client.ts';
import { uuidv7 } from '../db/ids.ts';
import {
  committeeDomains,
  committeeSettings,
  committees,
  duties,
  dutyRevisions,
  memberships,
  regulationVersions,
  standingAgencies,
  workingGroupMembers,
  workingGroups,
} from '../modules/committees/committees.schema.ts';
import { administrativeUnits } from '../modules/units/units.schema.ts';
import { users } from '../modules/users/users.schema.ts';
import { addCommuneUnit, SAMPLE_WARDS, seedSampleRegimes, seedWardRecords } from './hierarchy.ts';

const dataFile = (name: string) => new URL(`./data/${name}`, import.meta.url);
const PHUC_LA_DUTIES = JSON.parse(readFileSync(dataFile('phuc-la-duties.json'), 'utf8')) as Record<
  'huan' | 'hoan' | 'anh' | 'civilServant' | 'groupHead',
  string[]
>;

export interface SeedUnit {
  id: string;
  path: string;
}

interface SeatSpec {
  userId: string;
  role: CommitteeRole;
  position: string;
  unitId: string;
  isStanding?: boolean;
  leadDomain?: string;
  duties?: { domain: string | null; text: string }[];
  isSample?: boolean;
}

async function addCommittee(
  tx: Tx,
  c: {
    name: string;
    shortName: string;
    unit: SeedUnit;
    parent?: { id: string; path: string };
    foundingDecision?: DecisionRef;
    domains?: { code: string; name: string }[];
    status?: 'active' | 'merged';
    mergedIntoId?: string;
    mergeDecision?: DecisionRef;
    isSample?: boolean;
    settings?: Partial<typeof DEFAULT_RULE_SETTINGS>;
  },
) {
  const id = uuidv7();
  const path = `${c.parent?.path ?? '/'}${id}/`;
  await tx.insert(committees).values({
    id,
    name: c.name,
    shortName: c.shortName,
    unitId: c.unit.id,
    parentId: c.parent?.id ?? null,
    path,
    status: c.status ?? 'active',
    foundingDecision: c.foundingDecision ?? null,
    mergedIntoId: c.mergedIntoId ?? null,
    mergeDecision: c.mergeDecision ?? null,
    isSample: c.isSample ?? false,
  });
  const domains = c.domains ?? DEFAULT_DOMAINS;
  await tx
    .insert(committeeDomains)
    .values(domains.map((d, i) => ({ committeeId: id, code: d.code, name: d.name, position: i })));
  await tx
    .insert(committeeSettings)
    .values({ committeeId: id, settings: { ...DEFAULT_RULE_SETTINGS, ...c.settings } });
  return { id, path };
}

async function addSeats(
  tx: Tx,
  committeeId: string,
  startDate: string,
  decision: DecisionRef | null,
  seats: SeatSpec[],
) {
  const ids: string[] = [];
  for (const s of seats) {
    const id = uuidv7();
    ids.push(id);
    await tx.insert(memberships).values({
      id,
      committeeId,
      userId: s.userId,
      role: s.role,
      isStanding: s.isStanding ?? false,
      leadDomain: s.leadDomain ?? null,
      unitId: s.unitId,
      position: s.position,
      startDate,
      appointingDecision: decision,
      isSample: s.isSample ?? false,
    });
    if (s.duties?.length) {
      const items = s.duties.map((d, position) => ({ id: uuidv7(), ...d, position }));
      await tx.insert(duties).values(items.map((i) => ({ ...i, membershipId: id })));
      await tx.insert(dutyRevisions).values({
        id: uuidv7(),
        membershipId: id,
        version: 1,
        items,
        decision,
        note: 'Phân công theo Điều 8 Quy chế',
      });
    }
  }
  return ids;
}

async function addUnit(
  tx: Tx,
  parent: SeedUnit,
  name: string,
  level: 'agency' | 'district' = 'agency',
  code: string | null = null,
  isSample = false,
) {
  const id = uuidv7();
  const path = `${parent.path}${id}/`;
  await tx.insert(administrativeUnits).values({ id, level, code, name, parentId: parent.id, path, isSample });
  return { id, path };
}

async function addUser(
  tx: Tx,
  passwordHash: string,
  u: { username: string; fullName: string; position: string; unitId: string; isSample?: boolean },
) {
  const id = uuidv7();
  await tx.insert(users).values({
    id,
    ...u,
    email: `${u.username}@demo.steerco.vn`,
    passwordHash,
    mustChangePassword: true,
    isSample: u.isSample ?? true,
  });
  return id;
}

const withDomains = (texts: string[], domains: (string | null)[]) =>
  texts.map((text, i) => ({ text, domain: domains[i] ?? null }));

/**
 * Phúc La (seed 000) complete, Hà Đông district as its parent and Hà Nội city above (sample), four sample wards
 * beside Phúc La, and the Bình Định provincial
 * committee's skeleton (seed 004). Names not given by the seeds are sample data, marked as such.
 */
export async function seedOrganization(
  tx: Tx,
  ctx: {
    passwordHash: string;
    units: {
      haNoi: SeedUnit;
      haDong: SeedUnit;
      phucLa: SeedUnit;
      office: SeedUnit;
      police: SeedUnit;
      culture: SeedUnit;
      binhDinh: SeedUnit;
    };
    userIds: Record<string, string>;
  },
) {
  const { units, userIds: u } = ctx;

  // ——— Hà Nội city (sample): the level above Hà Đông ———
  const haNoiHead = await addUser(tx, ctx.passwordHash, {
    username: 'tp.hn',
    fullName: 'Trần Quốc Hưng',
    position: 'Chủ tịch UBND thành phố Hà Nội (dữ liệu mẫu)',
    unitId: units.haNoi.id,
  });
  const haNoiSecretary = await addUser(tx, ctx.passwordHash, {
    username: 'vp.hn',
    fullName: 'Nguyễn Thị Vân',
    position: 'Chuyên viên Văn phòng UBND thành phố (dữ liệu mẫu)',
    unitId: units.haNoi.id,
  });
  const haNoi = await addCommittee(tx, {
    name: 'Ban Chỉ đạo Cải cách hành chính, Chuyển đổi số và Đề án 06 thành phố Hà Nội',
    shortName: 'BCĐ thành phố Hà Nội',
    unit: units.haNoi,
    isSample: true,
  });
  await addSeats(tx, haNoi.id, '2024-03-01', null, [
    {
      userId: haNoiHead,
      role: 'head',
      position: 'Chủ tịch UBND thành phố',
      unitId: units.haNoi.id,
      isSample: true,
    },
    {
      userId: haNoiSecretary,
      role: 'secretary',
      position: 'Chuyên viên Văn phòng UBND thành phố',
      unitId: units.haNoi.id,
      isSample: true,
    },
  ]);

  // ——— Hà Đông district (sample) ———
  const haDongHead = await addUser(tx, ctx.passwordHash, {
    username: 'quan.hd',
    fullName: 'Hoàng Minh Quân',
    position: 'Chủ tịch UBND quận Hà Đông (dữ liệu mẫu)',
    unitId: units.haDong.id,
  });
  const haDong = await addCommittee(tx, {
    name: 'Ban Chỉ đạo Cải cách hành chính, Chuyển đổi số và Đề án 06 quận Hà Đông',
    shortName: 'BCĐ quận Hà Đông',
    unit: units.haDong,
    parent: haNoi,
    isSample: true,
  });
  await addSeats(tx, haDong.id, '2024-03-01', null, [
    {
      userId: haDongHead,
      role: 'head',
      position: 'Chủ tịch UBND quận',
      unitId: units.haDong.id,
      isSample: true,
    },
  ]);

  // ——— Phúc La ward: three committees merged into one by decision 51/QĐ-UBND (seed 000) ———
  const mergeDecision: DecisionRef = {
    number: '51/QĐ-UBND',
    date: '2024-03-06',
    signer: 'Chủ tịch UBND phường Phúc La',
  };
  const phucLa = await addCommittee(tx, {
    name: 'Ban Chỉ đạo Cải cách hành chính, Chuyển đổi số và Đề án 06 phường Phúc La',
    shortName: 'BCĐ phường Phúc La',
    unit: units.phucLa,
    parent: haDong,
    foundingDecision: mergeDecision,
  });
  for (const name of [
    'Ban Chỉ đạo Cải cách hành chính phường Phúc La',
    'Ban Chỉ đạo Chuyển đổi số phường Phúc La',
    'Ban Chỉ đạo thực hiện Đề án 06 phường Phúc La',
  ]) {
    await addCommittee(tx, {
      name,
      shortName: name.replace('Ban Chỉ đạo', 'BCĐ'),
      unit: units.phucLa,
      parent: haDong,
      status: 'merged',
      mergedIntoId: phucLa.id,
      mergeDecision,
    });
  }

  const regulationDecision: DecisionRef = {
    number: '…/QĐ-BCĐ',
    date: '2024-05-15',
    signer: 'Nguyễn Thị Thu Hằng',
  };
  const civilServantDuties = withDomains(PHUC_LA_DUTIES.civilServant, []);
  const groupHeadDuties = withDomains(PHUC_LA_DUTIES.groupHead, ['CCHC']);
  const [, deputySeat] = await addSeats(tx, phucLa.id, '2024-05-15', regulationDecision, [
    { userId: u['hang.ntt']!, role: 'head', position: 'Chủ tịch UBND phường', unitId: units.phucLa.id },
    {
      userId: u['tuan.dm']!,
      role: 'deputyHead',
      isStanding: true,
      position: 'Phó Chủ tịch UBND phường (dữ liệu mẫu)',
      unitId: units.phucLa.id,
      isSample: true,
    },
    {
      userId: u['huan.vt']!,
      role: 'secretary',
      position: 'Công chức Văn phòng – thống kê',
      unitId: units.office.id,
      duties: withDomains(PHUC_LA_DUTIES.huan, ['CCHC', 'CCHC', 'CCHC', 'CCHC', 'CDS', 'CCHC', null]),
    },
    {
      userId: u['hoan.tx']!,
      role: 'member',
      position: 'Trưởng Công an phường',
      unitId: units.police.id,
      duties: withDomains(PHUC_LA_DUTIES.hoan, ['DA06', 'DA06', 'DA06', 'DA06', 'DA06', 'DA06', null]),
    },
    {
      userId: u['anh.tp']!,
      role: 'member',
      position: 'Công chức Văn hóa – xã hội',
      unitId: units.culture.id,
      duties: withDomains(PHUC_LA_DUTIES.anh, ['CDS', 'CDS', null]),
    },
    {
      userId: u['lan.pt']!,
      role: 'member',
      position: 'Công chức Tư pháp – hộ tịch',
      unitId: units.phucLa.id,
      duties: civilServantDuties,
      isSample: true,
    },
    {
      userId: u['minh.lq']!,
      role: 'member',
      position: 'Công chức Địa chính – xây dựng',
      unitId: units.phucLa.id,
      duties: civilServantDuties,
      isSample: true,
    },
    {
      userId: u['binh.nv']!,
      role: 'residentialGroupHead',
      position: 'Tổ trưởng tổ dân phố số 1',
      unitId: units.phucLa.id,
      duties: groupHeadDuties,
      isSample: true,
    },
    {
      userId: u['hoa.tt']!,
      role: 'residentialGroupHead',
      position: 'Tổ trưởng tổ dân phố số 2',
      unitId: units.phucLa.id,
      duties: groupHeadDuties,
      isSample: true,
    },
  ]);
  void deputySeat;

  await tx.insert(standingAgencies).values([
    {
      id: uuidv7(),
      committeeId: phucLa.id,
      unitId: units.office.id,
      domains: ['CCHC', 'CDS'],
      responsibilities:
        'Cơ quan đầu mối: kế hoạch công tác năm, chuẩn bị họp, dự thảo thông báo kết luận và biên bản, theo dõi, đôn đốc thực hiện kết luận (Điều 7 khoản 1).',
    },
    {
      id: uuidv7(),
      committeeId: phucLa.id,
      unitId: units.police.id,
      domains: ['DA06'],
      responsibilities:
        'Thường trực Đề án 06: tham mưu, đôn đốc, kiểm tra, báo cáo các nhiệm vụ Đề án 06 (Điều 7 khoản 2).',
    },
  ]);
  const groupId = uuidv7();
  await tx.insert(workingGroups).values({
    id: groupId,
    committeeId: phucLa.id,
    name: 'Tổ giúp việc chung Ban Chỉ đạo phường Phúc La',
    purpose:
      'Giúp Ban Chỉ đạo triển khai CCHC, CĐS, Đề án 06; Tổ trưởng được thành lập các Nhóm công tác khi cần (Điều 7 khoản 3).',
    leaderUserId: u['tuan.dm']!,
    startDate: '2024-05-15',
  });
  await tx.insert(workingGroupMembers).values(
    ['tuan.dm', 'huan.vt', 'anh.tp', 'lan.pt', 'minh.lq', 'binh.nv', 'hoa.tt'].map((name) => ({
      groupId,
      userId: u[name]!,
    })),
  );
  await tx.insert(regulationVersions).values({
    id: uuidv7(),
    committeeId: phucLa.id,
    version: 1,
    title:
      'Quy chế hoạt động và phân công nhiệm vụ của thành viên Ban Chỉ đạo cải cách hành chính, chuyển đổi số và Đề án 06 phường Phúc La',
    body: readFileSync(dataFile('phuc-la-quy-che.txt'), 'utf8'),
    decision: regulationDecision,
    effectiveFrom: '2024-05-15',
    changeNote: 'Ban hành lần đầu',
  });

  // ——— Four sample wards under Hà Đông beside Phúc La, each with its head, meetings and tasks ———
  const wardIds = [phucLa.id];
  for (const [i, w] of SAMPLE_WARDS.entries()) {
    const unit = await addCommuneUnit(tx, units.haDong, w.code, `Phường ${w.name}`);
    const head = await addUser(tx, ctx.passwordHash, {
      username: `${w.key}.hd`,
      fullName: w.head,
      position: `Chủ tịch UBND phường ${w.name} (dữ liệu mẫu)`,
      unitId: unit.id,
    });
    const ward = await addCommittee(tx, {
      name: `Ban Chỉ đạo Cải cách hành chính, Chuyển đổi số và Đề án 06 phường ${w.name}`,
      shortName: `BCĐ phường ${w.name}`,
      unit,
      parent: haDong,
      isSample: true,
    });
    const [headSeatId] = await addSeats(tx, ward.id, '2024-06-01', null, [
      { userId: head, role: 'head', position: 'Chủ tịch UBND phường', unitId: unit.id, isSample: true },
    ]);
    wardIds.push(ward.id);
    await seedWardRecords(tx, {
      committeeId: ward.id,
      unitId: unit.id,
      headSeatId: headSeatId!,
      headUserId: head,
      i,
    });
  }

  // ——— The sample report regimes Hà Đông issued to its five wards (R16) ———
  await seedSampleRegimes(tx, haDong.id, haDongHead, wardIds);

  await seedBinhDinh(tx, ctx.passwordHash, units.binhDinh);
  return { phucLaCommitteeId: phucLa.id, haDongCommitteeId: haDong.id, haNoiCommitteeId: haNoi.id };
}

// ——— Bình Định provincial committee (seed 004): 27 members, 4 standing agencies, 3 working groups ———

const BD_AGENCIES = [
  'Sở Tài chính',
  'Sở Kế hoạch và Đầu tư',
  'Sở Tư pháp',
  'Sở Công Thương',
  'Sở Xây dựng',
  'Sở Giao thông vận tải',
  'Sở Tài nguyên và Môi trường',
  'Sở Nông nghiệp và Phát triển nông thôn',
  'Sở Giáo dục và Đào tạo',
  'Sở Y tế',
  'Sở Lao động - Thương binh và Xã hội',
  'Sở Văn hóa và Thể thao',
  'Sở Khoa học và Công nghệ',
  'Sở Du lịch',
  'Ban Dân tộc tỉnh',
  'Thanh tra tỉnh',
  'Bảo hiểm xã hội tỉnh',
  'Cục Thuế tỉnh',
  'Ngân hàng Nhà nước chi nhánh tỉnh Bình Định',
  'UBND thành phố Quy Nhơn',
  'Đài Phát thanh và Truyền hình Bình Định',
];
const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Huỳnh',
  'Phan',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Hữu', 'Đức', 'Thanh', 'Quốc', 'Ngọc'];
const GIVEN = [
  'An',
  'Bảo',
  'Cường',
  'Dũng',
  'Hải',
  'Hùng',
  'Khoa',
  'Linh',
  'Long',
  'Mai',
  'Nam',
  'Phong',
  'Quân',
  'Sơn',
  'Tâm',
  'Thảo',
  'Trung',
  'Tú',
  'Vinh',
  'Yến',
  'Hà',
  'Kiên',
  'Lộc',
  'Nhân',
  'Toàn',
  'Uyên',
];
const sampleName = (i: number) =>
  `${FAMILY[i % FAMILY.length]} ${MIDDLE[(i * 3) % MIDDLE.length]} ${GIVEN[(i * 7) % GIVEN.length]}`;

async function seedBinhDinh(tx: Tx, passwordHash: string, province: SeedUnit) {
  const unit = (name: string) => addUnit(tx, province, name);
  const office = await unit('Văn phòng UBND tỉnh Bình Định');
  const homeAffairs = await unit('Sở Nội vụ tỉnh Bình Định');
  const ict = await unit('Sở Thông tin và Truyền thông tỉnh Bình Định');
  const police = await unit('Công an tỉnh Bình Định');

  const people: SeatSpec[] = [];
  const person = async (
    i: number,
    fullName: string | null,
    position: string,
    unitId: string,
    spec: Omit<SeatSpec, 'userId' | 'position' | 'unitId'>,
  ) => {
    const userId = await addUser(tx, passwordHash, {
      username: `bd.${String(i).padStart(2, '0')}`,
      fullName: fullName ?? sampleName(i),
      position: fullName ? position : `${position} (dữ liệu mẫu)`,
      unitId,
      isSample: !fullName,
    });
    people.push({ userId, position, unitId, isSample: !fullName, ...spec });
    return userId;
  };
  await person(1, null, 'Chủ tịch UBND tỉnh', province.id, { role: 'head' });
  const giang = await person(2, 'Lâm Hải Giang', 'Phó Chủ tịch UBND tỉnh', province.id, {
    role: 'deputyHead',
    isStanding: true,
  });
  const chief = await person(3, null, 'Chánh Văn phòng UBND tỉnh', office.id, {
    role: 'deputyHead',
    leadDomain: 'DIEUPHOI',
  });
  const police1 = await person(4, null, 'Giám đốc Công an tỉnh', police.id, {
    role: 'deputyHead',
    leadDomain: 'DA06',
  });
  const home1 = await person(5, null, 'Giám đốc Sở Nội vụ', homeAffairs.id, {
    role: 'deputyHead',
    leadDomain: 'CCHC',
  });
  const ict1 = await person(6, null, 'Giám đốc Sở Thông tin và Truyền thông', ict.id, {
    role: 'deputyHead',
    leadDomain: 'CDS',
  });
  for (const [k, name] of BD_AGENCIES.entries()) {
    const agency = await unit(name);
    await person(
      7 + k,
      null,
      name.startsWith('UBND') ? 'Chủ tịch UBND thành phố' : `Thủ trưởng ${name}`,
      agency.id,
      { role: 'member' },
    );
  }
  void giang;

  const committee = await addCommittee(tx, {
    name: 'Ban Chỉ đạo Cải cách hành chính, Chuyển đổi số và Đề án 06 tỉnh Bình Định',
    shortName: 'BCĐ tỉnh Bình Định',
    unit: province,
    foundingDecision: { number: '1397/QĐ-UBND', date: '2024-04-22', signer: 'Chủ tịch UBND tỉnh' },
    domains: [...DEFAULT_DOMAINS, { code: 'DIEUPHOI', name: 'Điều phối hoạt động chung' }],
    // Seed 004: confirm 1 day before; a substitute must be a deputy head of the member's unit.
    settings: { confirmationLeadDays: 1, substitutePolicy: 'deputyOfUnitOnly' },
  });
  await addSeats(
    tx,
    committee.id,
    '2024-04-22',
    { number: '1397/QĐ-UBND', date: '2024-04-22', signer: null },
    people,
  );

  await tx.insert(standingAgencies).values([
    {
      id: uuidv7(),
      committeeId: committee.id,
      unitId: office.id,
      domains: ['DIEUPHOI'],
      responsibilities:
        'Phòng Kiểm soát thủ tục hành chính: thường trực điều phối hoạt động chung, tổng hợp xác nhận tham dự họp.',
    },
    {
      id: uuidv7(),
      committeeId: committee.id,
      unitId: homeAffairs.id,
      domains: ['CCHC'],
      responsibilities: 'Thường trực công tác cải cách hành chính.',
    },
    {
      id: uuidv7(),
      committeeId: committee.id,
      unitId: ict.id,
      domains: ['CDS'],
      responsibilities: 'Thường trực công tác chuyển đổi số.',
    },
    {
      id: uuidv7(),
      committeeId: committee.id,
      unitId: police.id,
      domains: ['DA06'],
      responsibilities: 'Thường trực công tác thực hiện Đề án 06.',
    },
  ]);
  for (const [domain, name, leader] of [
    ['CCHC', 'Tổ giúp việc chuyên trách Cải cách hành chính', home1],
    ['CDS', 'Tổ giúp việc chuyên trách Chuyển đổi số', ict1],
    ['DA06', 'Tổ giúp việc chuyên trách Đề án 06', police1],
  ] as const) {
    const id = uuidv7();
    await tx
      .insert(workingGroups)
      .values({ id, committeeId: committee.id, name, domain, leaderUserId: leader, startDate: '2024-05-21' });
    await tx.insert(workingGroupMembers).values({ groupId: id, userId: leader });
  }
  await tx.insert(regulationVersions).values({
    id: uuidv7(),
    committeeId: committee.id,
    version: 1,
    title: 'Quy chế hoạt động của Ban Chỉ đạo Cải cách hành chính, Chuyển đổi số và Đề án 06 tỉnh Bình Định',
    body:
      'Ban hành kèm theo Quyết định số 76/QĐ-BCĐ ngày 21/5/2024 của Trưởng Ban Chỉ đạo. Các nội dung chính: thành viên tham gia đầy đủ phiên họp; ' +
      'trường hợp bận phải báo cáo, xin ý kiến Trưởng Ban trước khi phân công Cấp phó thay mặt tham dự, không cử lãnh đạo cấp phòng; xác nhận tham dự ' +
      'trong thời hạn 01 ngày trước phiên họp với Văn phòng UBND tỉnh (Phòng Kiểm soát TTHC); họp định kỳ hằng quý, sơ kết 6 tháng, tổng kết năm; ' +
      'Trưởng Ban quyết định đánh giá kết quả thực hiện nhiệm vụ hằng năm của thành viên. (Tóm tắt theo tin binhdinh.gov.vn.)',
    decision: { number: '76/QĐ-BCĐ', date: '2024-05-21', signer: 'Chủ tịch UBND tỉnh' },
    effectiveFrom: '2024-05-21',
    changeNote: 'Ban hành lần đầu',
  });
  void chief;
}
