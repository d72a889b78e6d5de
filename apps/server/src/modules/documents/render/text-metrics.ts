// Text metrics of Times New Roman, for the Decree 30 layout: how wide a line is, and where an issuer's name breaks.

/** Letters whose diacritic NFD does not take off. */
const BASE_LETTER: Record<string, string> = { đ: 'd', Đ: 'D', ư: 'u', Ư: 'U', ơ: 'o', Ơ: 'O' };

/**
 * Width in twips of a text set in Times New Roman, from the Adobe metrics of Times (per 1000 em). Close enough to
 * size the rules "as long as the line" (Vietnamese letters take the advance of their base letter).
 */
export function textWidth(text: string, points: number, bold: boolean): number {
  const base = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  let units = 0;
  for (const ch of base) {
    const c = BASE_LETTER[ch] ?? ch;
    units += glyphWidth(c, bold);
  }
  return (units / 1000) * points * 20;
}

const UPPER_WIDE = 'MW';
function glyphWidth(c: string, bold: boolean): number {
  if (c === ' ') return 250;
  if (c === '-' || c === ',' || c === '.' || c === ':' || c === ';')
    return c === '-' ? 333 : 250 + (bold ? 30 : 0);
  if (/[0-9]/.test(c)) return 500;
  if (/[A-Z]/.test(c)) {
    if (UPPER_WIDE.includes(c)) return bold ? 1000 : 944;
    if (c === 'I' || c === 'J') return bold ? 389 : 333;
    return bold ? 722 : 690;
  }
  if (/[a-z]/.test(c)) {
    if ('ilj'.includes(c)) return 278;
    if ('ft'.includes(c)) return 333;
    if ('mw'.includes(c)) return 778;
    if ('rs'.includes(c)) return bold ? 420 : 380;
    return bold ? 540 : 490;
  }
  return 500;
}

/** Words after which the name of an organ breaks naturally: "BAN CHỈ ĐẠO / CẢI CÁCH HÀNH CHÍNH, / …". */
const ORGAN_PREFIX = /^(BAN CHỈ ĐẠO|BAN|HỘI ĐỒNG|ỦY BAN NHÂN DÂN|UBND|TỔ CÔNG TÁC|TỔ GIÚP VIỆC|VĂN PHÒNG)$/;
/** Words that should not end a line (conjunctions, prepositions). */
const DANGLING = /^(VÀ|CỦA|VỀ|CHO|VỚI|THUỘC|TẠI|CÁC|NHỮNG)$/;

/**
 * Lines for the issuer's name in a column `maxWidth` twips wide, set in caps 13 bold: the fewest lines that fit, and
 * among them the breaks a clerk would choose (after "BAN CHỈ ĐẠO", after a comma; never after "VÀ" nor before a
 * lone number), then the most even. A name that already holds "\n" keeps its own breaks.
 */
export function issuerLines(name: string, maxWidth: number, points = 13): string[] {
  const upper = name.toUpperCase().trim();
  if (upper.includes('\n')) return upper.split('\n').map((l) => l.trim());
  const words = upper.split(/\s+/);
  const width = (i: number, j: number) => textWidth(words.slice(i, j).join(' '), points, true);
  if (width(0, words.length) <= maxWidth) return [upper];
  // best[j]: the best way to set words[0..j): [lines, penalty, previous break].
  const best: { lines: number; penalty: number; from: number }[] = [{ lines: 0, penalty: 0, from: -1 }];
  for (let j = 1; j <= words.length; j++) {
    let choice = { lines: Number.POSITIVE_INFINITY, penalty: Number.POSITIVE_INFINITY, from: -1 };
    for (let i = j - 1; i >= 0; i--) {
      const w = width(i, j);
      if (w > maxWidth && j - i > 1) break;
      const prev = best[i]!;
      if (!Number.isFinite(prev.lines)) continue;
      let penalty = prev.penalty + ((maxWidth - Math.min(w, maxWidth)) / maxWidth) ** 2;
      if (j < words.length) {
        const last = words[j - 1]!;
        const head = words.slice(i, j).join(' ');
        if (!(last.endsWith(',') || (i === 0 && ORGAN_PREFIX.test(head)))) penalty += 1;
        if (DANGLING.test(last)) penalty += 3;
        if (/^\d+$/.test(words[j]!)) penalty += 3;
      }
      const lines = prev.lines + 1;
      if (lines < choice.lines || (lines === choice.lines && penalty < choice.penalty))
        choice = { lines, penalty, from: i };
    }
    best.push(choice);
  }
  const out: string[] = [];
  for (let j = words.length; j > 0; j = best[j]!.from) out.unshift(words.slice(best[j]!.from, j).join(' '));
  return out;
}
