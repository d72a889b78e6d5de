import type { ReportField } from '@steerco/contract/reports';

/** A ratio in percent, one decimal; unknown when the denominator is zero or unknown. */
export function ratio(numerator: number | null | undefined, denominator: number | null | undefined) {
  if (numerator === null || numerator === undefined || !denominator) return null;
  return Math.round((numerator / denominator) * 1000) / 10;
}

/**
 * The report's values: each field's override (with its note) or its computed figure; ratio fields from their
 * numerator and denominator as they stand.
 */
export function resolveValues(
  fields: ReportField[],
  computed: Record<string, number | null>,
  overrides: Record<string, { value: number | null }>,
) {
  const values: Record<string, number | null> = {};
  for (const f of fields)
    if (f.rollup !== 'ratio') values[f.key] = overrides[f.key]?.value ?? computed[f.key] ?? null;
  for (const f of fields)
    if (f.rollup === 'ratio') values[f.key] = ratio(values[f.numerator ?? ''], values[f.denominator ?? '']);
  return values;
}

/** The rollup of one field over the reporters' values: sum, average, or the ratio of the summed parts. */
export function rollupTotals(fields: ReportField[], rows: Record<string, number | null>[]) {
  const totals: Record<string, number | null> = {};
  for (const f of fields) {
    if (f.rollup === 'ratio') continue;
    const known = rows.map((r) => r[f.key]).filter((v): v is number => typeof v === 'number');
    if (!known.length) totals[f.key] = null;
    else if (f.rollup === 'sum') totals[f.key] = known.reduce((a, b) => a + b, 0);
    else totals[f.key] = Math.round((known.reduce((a, b) => a + b, 0) / known.length) * 10) / 10;
  }
  for (const f of fields)
    if (f.rollup === 'ratio') totals[f.key] = ratio(totals[f.numerator ?? ''], totals[f.denominator ?? '']);
  return totals;
}
