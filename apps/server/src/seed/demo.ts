import { count, eq } from 'drizzle-orm';
import type { Logger } from 'pino';
import * as clock from '../clock.ts';
import type { Db, Tx } from '../db/client.ts';
import { uuidv7 } from '../db/ids.ts';
import { refreshComputedIndicators } from '../modules/indicators/computed.service.ts';
import { administrativeUnits } from '../modules/units/units.schema.ts';
import { hashPassword } from '../modules/users/passwords.service.ts';
import { users } from '../modules/users/users.schema.ts';
import { seedIndicatorFrameworks, seedIndicatorValues } from './indicators.ts';
import { seedOrganization } from './organization.ts';

/** The initial password of every demo account; each must be changed at first login. */
export const DEMO_PASSWORD = 'PhucLa@2024';

type Level = 'national' | 'province' | 'district' | 'commune' | 'agency';

async function addUnit(
  tx: Tx,
  u: {
    level: Level;
    code: string | null;
    name: string;
    shortName?: string;
    parent?: { id: string; path: string };
    isSample?: boolean;
  },
) {
  const id = uuidv7();
  const path = `${u.parent?.path ?? '/'}${id}/`;
  await tx.insert(administrativeUnits).values({
    id,
    level: u.level,
    code: u.code,
    name: u.name,
    shortName: u.shortName ?? null,
    parentId: u.parent?.id ?? null,
    path,
    isSample: u.isSample ?? false,
  });
  return { id, path };
}

/**
 * The Phúc La demo (seed 000): the administrative units from the country down to the ward, the administrator,
 * the people the regulation names, and a few sample civil servants and residential group heads.
 * Codes are the official GSO codes where known; Phúc La's code is marked as sample.
 */
export async function seedDemo(db: Db, log?: Logger) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const vn = await addUnit(tx, { level: 'national', code: 'VN', name: 'Việt Nam' });
    const haNoi = await addUnit(tx, {
      level: 'province',
      code: '01',
      name: 'Thành phố Hà Nội',
      shortName: 'Hà Nội',
      parent: vn,
    });
    const binhDinh = await addUnit(tx, {
      level: 'province',
      code: '52',
      name: 'Tỉnh Bình Định',
      shortName: 'Bình Định',
      parent: vn,
    });
    const haDong = await addUnit(tx, {
      level: 'district',
      code: '268',
      name: 'Quận Hà Đông',
      shortName: 'Hà Đông',
      parent: haNoi,
    });
    const phucLa = await addUnit(tx, {
      level: 'commune',
      code: 'MAU-PHUCLA',
      name: 'Phường Phúc La',
      shortName: 'Phúc La',
      parent: haDong,
      isSample: true,
    });
    const office = await addUnit(tx, {
      level: 'agency',
      code: null,
      name: 'Văn phòng UBND phường Phúc La',
      parent: phucLa,
    });
    const police = await addUnit(tx, {
      level: 'agency',
      code: null,
      name: 'Công an phường Phúc La',
      parent: phucLa,
    });
    const culture = await addUnit(tx, {
      level: 'agency',
      code: null,
      name: 'Bộ phận Văn hóa – Xã hội phường Phúc La',
      parent: phucLa,
    });

    type Person = Pick<
      typeof users.$inferInsert,
      'username' | 'fullName' | 'position' | 'unitId' | 'systemRole' | 'isSample'
    >;
    const people: Person[] = [
      {
        username: 'admin',
        fullName: 'Quản trị hệ thống',
        position: 'Quản trị viên',
        unitId: vn.id,
        systemRole: 'systemAdmin',
      },
      {
        username: 'hang.ntt',
        fullName: 'Nguyễn Thị Thu Hằng',
        position: 'Chủ tịch UBND phường',
        unitId: phucLa.id,
      },
      {
        username: 'huan.vt',
        fullName: 'Vũ Trọng Huân',
        position: 'Công chức Văn phòng – thống kê',
        unitId: office.id,
      },
      {
        username: 'hoan.tx',
        fullName: 'Trịnh Xuân Hoàn',
        position: 'Trưởng Công an phường',
        unitId: police.id,
      },
      {
        username: 'anh.tp',
        fullName: 'Thiều Phương Anh',
        position: 'Công chức Văn hóa – xã hội',
        unitId: culture.id,
      },
      // Sample people (not in the seed documents), marked as such.
      {
        username: 'tuan.dm',
        fullName: 'Đỗ Minh Tuấn',
        position: 'Phó Chủ tịch UBND phường (dữ liệu mẫu)',
        unitId: phucLa.id,
        isSample: true,
      },
      {
        username: 'lan.pt',
        fullName: 'Phạm Thị Lan',
        position: 'Công chức Tư pháp – hộ tịch (dữ liệu mẫu)',
        unitId: phucLa.id,
        isSample: true,
      },
      {
        username: 'minh.lq',
        fullName: 'Lê Quang Minh',
        position: 'Công chức Địa chính – xây dựng (dữ liệu mẫu)',
        unitId: phucLa.id,
        isSample: true,
      },
      {
        username: 'binh.nv',
        fullName: 'Nguyễn Văn Bình',
        position: 'Tổ trưởng tổ dân phố số 1 (dữ liệu mẫu)',
        unitId: phucLa.id,
        isSample: true,
      },
      {
        username: 'hoa.tt',
        fullName: 'Trần Thị Hoa',
        position: 'Tổ trưởng tổ dân phố số 2 (dữ liệu mẫu)',
        unitId: phucLa.id,
        isSample: true,
      },
    ];
    const rows = people.map((p) => ({
      id: uuidv7(),
      email: `${p.username}@phucla.demo.steerco.vn`,
      passwordHash,
      mustChangePassword: true,
      ...p,
    }));
    await tx.insert(users).values(rows);
    const org = await seedOrganization(tx, {
      passwordHash,
      units: { haNoi, haDong, phucLa, office, police, culture, binhDinh },
      userIds: Object.fromEntries(rows.map((r) => [r.username, r.id])),
    });
    // The sample indicator frameworks in this year's and last year's versions.
    const year = Number(clock.today().slice(0, 4));
    await seedIndicatorFrameworks(tx, [year - 1, year]);
    await seedIndicatorValues(tx, org);
  });
  // R19: the indicators computed from the demo's tasks, meetings and reports, as the daily job would.
  await refreshComputedIndicators(db);
  log?.info('demo data seeded (Phúc La)');
}

/** Seeds the demo only into an empty database, so a second start never re-seeds or overwrites anything. */
export async function seedDemoIfEmpty(db: Db, log?: Logger): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(administrativeUnits);
  if ((row?.n ?? 0) > 0) return false;
  await seedDemo(db, log);
  return true;
}

export async function findDemoUserId(db: Db, username: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return row?.id;
}
