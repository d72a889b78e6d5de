import type { OfficialSchedule } from './types.ts';
import { VN_2024 } from './vn-2024.ts';
import { VN_2025 } from './vn-2025.ts';
import { VN_2026 } from './vn-2026.ts';

export * from './types.ts';
export { VN_2024, VN_2025, VN_2026 };

/** The official public-sector schedules shipped with the library, one per year. */
export const OFFICIAL_SCHEDULES: readonly OfficialSchedule[] = [VN_2024, VN_2025, VN_2026];
