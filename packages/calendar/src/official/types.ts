import type { IsoDate } from '../iso-date.ts';

/** A document that fixes (part of) a year's schedule of days off for the public sector. */
export interface OfficialSource {
  /** Document number (số ký hiệu), e.g. "9441/TB-BNV". */
  number: string;
  /** Date the document was issued. */
  issuedOn: IsoDate;
  /** Issuing body (cơ quan ban hành). */
  issuer: string;
  /** Title or subject (trích yếu). */
  title: string;
}

/**
 * Kind of an entry in an official schedule:
 * - `holiday`: a statutory holiday (Labor Code 2019 Art. 112), placed where the schedule says;
 * - `compensatory`: nghỉ bù for a holiday that fell on a weekly rest day (Art. 111(3));
 * - `dayOffBySwap`: a working day given off in exchange for a make-up Saturday (hoán đổi ngày làm việc);
 * - `swappedWorkday`: a Saturday or Sunday worked in exchange (ngày làm bù).
 */
export type OfficialDayKind = 'holiday' | 'compensatory' | 'dayOffBySwap' | 'swappedWorkday';

/** One day of an official schedule. */
export interface OfficialDay {
  date: IsoDate;
  kind: OfficialDayKind;
  /** Vietnamese name shown to users. */
  name: string;
  /** `number` of the source that fixes this day, or "Bộ luật Lao động 2019" when the law alone does. */
  source: string;
}

/**
 * The schedule of days off for cadres, civil servants and public employees (cán bộ, công chức, viên
 * chức) in one year. It is complete: for its year it replaces the computed defaults, and lists every
 * day off that is not a plain Saturday or Sunday and every worked Saturday.
 */
export interface OfficialSchedule {
  year: number;
  sources: readonly OfficialSource[];
  days: readonly OfficialDay[];
  /** What could not be confirmed from a source, or other caveats. */
  note?: string;
}

/** Source label for days that follow from the Labor Code with no swap. */
export const LABOR_CODE_2019 = 'Bộ luật Lao động 2019';
