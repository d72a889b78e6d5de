import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { benchConclusionNotice } from './bench.ts';
import {
  issuerLines,
  type OfficialDocumentSpec,
  renderOfficialDocument,
  vietnameseDateLine,
} from './official-document.ts';
import { sampleConclusionNotice, sampleInvitation, sampleMinutes } from './samples.ts';

const run = promisify(execFile);

// ---------------------------------------------------------------------------------------------------------------
// Reading a .docx: the XML parts, and the paragraphs of word/document.xml with their runs' formatting.

interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
  size: number | null; // half-points
  font: string | null;
}
interface Para {
  xml: string;
  text: string;
  runs: Run[];
  jc: string | null;
  firstLine: number | null;
  after: number | null;
  line: number | null;
  bottomBorder: boolean;
}

async function unzip(docx: Buffer) {
  const zip = await JSZip.loadAsync(docx);
  const part = async (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`${name} is missing from the .docx`);
    return file.async('string');
  };
  const headers = await Promise.all(
    Object.keys(zip.files)
      .filter((n) => /^word\/header\d+\.xml$/.test(n))
      .map((n) => part(n)),
  );
  return {
    document: await part('word/document.xml'),
    styles: await part('word/styles.xml'),
    settings: await part('word/settings.xml'),
    headers,
  };
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
const on = (xml: string, tag: string) => new RegExp(`<w:${tag}(?: w:val="(?:true|1|on)")?/>`).test(xml);
const attr = (xml: string, tag: string, name: string) => {
  const m = new RegExp(`<w:${tag}\\b[^>]*\\bw:${name}="([^"]*)"`).exec(xml);
  return m ? m[1]! : null;
};
const num = (v: string | null) => (v === null ? null : Number(v));

function paragraphs(xml: string): Para[] {
  return [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)].map(([p]) => {
    const pPr = /<w:pPr>[\s\S]*?<\/w:pPr>/.exec(p)?.[0] ?? '';
    const runs = [...p.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map(([, r]) => {
      const rPr = /<w:rPr>[\s\S]*?<\/w:rPr>/.exec(r!)?.[0] ?? '';
      const text = [...r!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)]
        .map((m) => (m[0] === '<w:br/>' ? '\n' : decode(m[1]!)))
        .join('');
      return {
        text,
        bold: on(rPr, 'b'),
        italic: on(rPr, 'i'),
        size: num(attr(rPr, 'sz', 'val')),
        font: attr(rPr, 'rFonts', 'ascii'),
      };
    });
    return {
      xml: p,
      text: runs.map((r) => r.text).join(''),
      runs,
      jc: attr(pPr, 'jc', 'val'),
      firstLine: num(attr(pPr, 'ind', 'firstLine')),
      after: num(attr(pPr, 'spacing', 'after')),
      line: num(attr(pPr, 'spacing', 'line')),
      bottomBorder: /<w:pBdr>[\s\S]*<w:bottom w:val="single"/.test(pPr),
    };
  });
}

function find(paras: Para[], text: string): Para {
  const p = paras.find((x) => x.text === text);
  if (!p)
    throw new Error(
      `No paragraph reads ${JSON.stringify(text)}; have:\n${paras.map((x) => x.text).join('\n')}`,
    );
  return p;
}

/** Every run of the paragraph is bold/italic/sized as expected. */
function expectRuns(p: Para, want: Partial<Pick<Run, 'bold' | 'italic' | 'size'>>) {
  for (const r of p.runs) expect({ text: r.text, ...pick(r, want) }).toEqual({ text: r.text, ...want });
}
const pick = (r: Run, want: object) =>
  Object.fromEntries(Object.keys(want).map((k) => [k, r[k as keyof Run]])) as Partial<Run>;

// ---------------------------------------------------------------------------------------------------------------

describe('vietnameseDateLine (Decree 30, ô4)', () => {
  it('pads days 1–9 and months 1–2 with a zero, and no other month', () => {
    expect(vietnameseDateLine('Phúc La', '2026-07-05')).toBe('Phúc La, ngày 05 tháng 7 năm 2026');
    expect(vietnameseDateLine('Hà Nội', '2028-02-29')).toBe('Hà Nội, ngày 29 tháng 02 năm 2028');
    expect(vietnameseDateLine('Phúc La', '2026-01-01')).toBe('Phúc La, ngày 01 tháng 01 năm 2026');
    expect(vietnameseDateLine('Phúc La', '2026-11-15')).toBe('Phúc La, ngày 15 tháng 11 năm 2026');
    expect(vietnameseDateLine('Phúc La', '2026-10-10')).toBe('Phúc La, ngày 10 tháng 10 năm 2026');
  });

  it('leaves blanks for the day and month of a draft', () => {
    expect(vietnameseDateLine('Phúc La', null, 2026)).toBe('Phúc La, ngày     tháng     năm 2026');
    expect(vietnameseDateLine('Phúc La', null)).toMatch(/^Phúc La, ngày {5}tháng {5}năm \d{4}$/);
  });

  it('rejects what is not a date', () => {
    expect(() => vietnameseDateLine('Phúc La', '2026-02-30')).toThrow(RangeError);
    expect(() => vietnameseDateLine('Phúc La', '5/7/2026')).toThrow(RangeError);
  });
});

describe('issuerLines', () => {
  it('breaks the committee name the way the seed decision does', () => {
    expect(issuerLines('Ban Chỉ đạo cải cách hành chính, chuyển đổi số và Đề án 06', 3855 - 57)).toEqual([
      'BAN CHỈ ĐẠO',
      'CẢI CÁCH HÀNH CHÍNH,',
      'CHUYỂN ĐỔI SỐ VÀ ĐỀ ÁN 06',
    ]);
  });

  it('keeps a short name on one line and explicit breaks as given', () => {
    expect(issuerLines('Ban Chỉ đạo', 3800)).toEqual(['BAN CHỈ ĐẠO']);
    expect(issuerLines('Ban Chỉ đạo\nchuyển đổi số', 3800)).toEqual(['BAN CHỈ ĐẠO', 'CHUYỂN ĐỔI SỐ']);
  });
});

describe('renderOfficialDocument: the DOCX', () => {
  it('is A4 portrait with the Decree 30 margins, a first page without page number, Times New Roman 14', async () => {
    const { document, styles, headers } = await unzip(await renderOfficialDocument(sampleConclusionNotice()));
    const sectPr = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(document)![0];
    expect(attr(sectPr, 'pgSz', 'w')).toBe('11906');
    expect(attr(sectPr, 'pgSz', 'h')).toBe('16838');
    expect(attr(sectPr, 'pgSz', 'orient')).not.toBe('landscape');
    expect(attr(sectPr, 'pgMar', 'top')).toBe('1134'); // 20 mm
    expect(attr(sectPr, 'pgMar', 'bottom')).toBe('1134'); // 20 mm
    expect(attr(sectPr, 'pgMar', 'left')).toBe('1701'); // 30 mm
    expect(['850', '851']).toContain(attr(sectPr, 'pgMar', 'right')); // 15 mm
    expect(sectPr).toMatch(/<w:titlePg\/>|<w:titlePg w:val="(true|1)"\/>/);

    const defaults = /<w:docDefaults>[\s\S]*<\/w:docDefaults>/.exec(styles)![0];
    expect(attr(defaults, 'rFonts', 'ascii')).toBe('Times New Roman');
    expect(attr(defaults, 'rFonts', 'hAnsi')).toBe('Times New Roman');
    expect(attr(defaults, 'sz', 'val')).toBe('28');
    expect(attr(defaults, 'color', 'val')).toBe('000000');

    const runs = paragraphs(document).flatMap((p) => p.runs);
    expect(runs.length).toBeGreaterThan(20);
    for (const r of runs) expect(r.font).toBe('Times New Roman');
    expect(document).not.toMatch(/<w:color w:val="(?!000000)[0-9A-Fa-f]{6}"/);

    // Page numbers: the default header holds a centered PAGE field in 14 pt; the first page's header has none.
    const numbered = headers.filter((h) => /PAGE/.test(h));
    expect(numbered).toHaveLength(1);
    expect(attr(numbered[0]!, 'jc', 'val')).toBe('center');
    expect(attr(numbered[0]!, 'sz', 'val')).toBe('28');
    expect(headers.length).toBe(2);
  });

  it('sets the header: issuer, number, Quốc hiệu, Tiêu ngữ with its rule, and the italic date line', async () => {
    const { document } = await unzip(await renderOfficialDocument(sampleConclusionNotice()));
    const paras = paragraphs(document);
    const header = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(document)![0];
    expect(header.match(/<w:gridCol /g)).toHaveLength(2);
    expect(/<w:tblBorders>[\s\S]*?<\/w:tblBorders>/.exec(header)![0]).not.toMatch(/w:val="single"/);

    const parent = find(paras, 'UBND PHƯỜNG PHÚC LA');
    expectRuns(parent, { bold: false, size: 26 });
    expect(parent.jc).toBe('center');
    const issuer = find(paras, 'BAN CHỈ ĐẠO\nCẢI CÁCH HÀNH CHÍNH,\nCHUYỂN ĐỔI SỐ VÀ ĐỀ ÁN 06');
    expectRuns(issuer, { bold: true, size: 26 });
    expect(paras[paras.indexOf(issuer) + 1]!.bottomBorder).toBe(true); // the short rule under the issuer
    expectRuns(find(paras, 'Số: 12/TB-BCĐ'), { bold: false, size: 26 });

    const national = find(paras, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expectRuns(national, { bold: true });
    expect([24, 26]).toContain(national.runs[0]!.size);
    const motto = find(paras, 'Độc lập - Tự do - Hạnh phúc');
    expectRuns(motto, { bold: true, size: 28 });
    expect(paras[paras.indexOf(motto) + 1]!.bottomBorder).toBe(true);
    const date = find(paras, 'Phúc La, ngày 05 tháng 7 năm 2026');
    expectRuns(date, { italic: true, bold: false, size: 28 });
    expect(date.jc).toBe('center');
  });

  it('sets the kind, the trích yếu, the body, the signature and the Nơi nhận', async () => {
    const spec = sampleConclusionNotice();
    const { document } = await unzip(await renderOfficialDocument(spec));
    const paras = paragraphs(document);

    const kind = find(paras, 'THÔNG BÁO');
    expectRuns(kind, { bold: true, size: 28 });
    expect(kind.jc).toBe('center');
    const title = find(paras, spec.title);
    expectRuns(title, { bold: true, size: 28 });
    expect(title.jc).toBe('center');
    expect(paras[paras.indexOf(title) + 1]!.bottomBorder).toBe(true);

    const body = paras.find((p) => p.text.startsWith('Ngày 02/7/2026'))!;
    expectRuns(body, { bold: false, italic: false, size: 28 });
    expect(body.jc).toBe('both');
    expect(body.firstLine).toBe(567); // 1 cm
    expect(body.after).toBeGreaterThanOrEqual(120); // ≥ 6 pt
    expect(body.line).toBeGreaterThanOrEqual(240);
    expect(body.line).toBeLessThanOrEqual(360); // single to 1.5 lines
    expect(paras.some((p) => p.text.startsWith('1. Văn phòng UBND phường chủ trì'))).toBe(true);
    expect(paras.some((p) => p.text.startsWith('5. Văn phòng UBND phường tổng hợp'))).toBe(true);
    expectRuns(find(paras, 'I. Đánh giá chung'), { bold: true, size: 28 });

    for (const t of ['TM. BAN CHỈ ĐẠO', 'TRƯỞNG BAN', 'Nguyễn Thị Thu Hằng']) {
      const p = find(paras, t);
      expectRuns(p, { bold: true, size: 28 });
      expect(p.jc).toBe('center');
    }
    const capacity = paras.indexOf(find(paras, 'TRƯỞNG BAN'));
    const signer = paras.indexOf(find(paras, 'Nguyễn Thị Thu Hằng'));
    expect(signer - capacity - 1).toBeGreaterThanOrEqual(3); // room for the signature and seal

    const noiNhan = find(paras, 'Nơi nhận:');
    expectRuns(noiNhan, { bold: true, italic: true, size: 24 });
    const list = paras.slice(paras.indexOf(noiNhan) + 1, paras.indexOf(noiNhan) + 1 + spec.recipients.length);
    expect(list.map((p) => p.text)).toEqual([
      '- UBND quận Hà Đông;',
      '- BCĐ CCHC, CĐS và Đề án 06 quận;',
      '- Thường trực Đảng ủy, HĐND phường;',
      '- Các thành viên Ban Chỉ đạo;',
      '- Lưu: VT, VP.',
    ]);
    for (const p of list) expectRuns(p, { bold: false, italic: false, size: 22 });
    // Nơi nhận sits in the left column of the foot, level with the capacity lines in the right one.
    const foot = [...document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].at(-1)![0];
    expect(foot.indexOf('Nơi nhận:')).toBeLessThan(foot.indexOf('TM. BAN CHỈ ĐẠO'));
    expect(foot.match(/<w:tr>/g)).toHaveLength(1);
  });

  it('renders a draft with a blank number and date and a DỰ THẢO mark', async () => {
    const spec: OfficialDocumentSpec = { ...sampleConclusionNotice(), number: null, date: null, draft: true };
    const { document, headers } = await unzip(await renderOfficialDocument(spec));
    const paras = paragraphs(document);
    find(paras, 'Số:      /TB-BCĐ');
    expect(paras.some((p) => /^Phúc La, ngày {5}tháng {5}năm \d{4}$/.test(p.text))).toBe(true);
    const first = headers.find((h) => h.includes('DỰ THẢO'));
    expect(first).toBeDefined();
    expect(first).not.toMatch(/PAGE/);
    // and none on an issued document
    const issued = await unzip(await renderOfficialDocument(sampleConclusionNotice()));
    expect(issued.headers.join('')).not.toContain('DỰ THẢO');
  });

  it('renders the fields of an invitation and an italic basis', async () => {
    const spec: OfficialDocumentSpec = {
      ...sampleInvitation(),
      body: [
        {
          type: 'basis',
          lines: ['Căn cứ Quy chế hoạt động của Ban Chỉ đạo;', 'Căn cứ Kế hoạch công tác năm 2026.'],
        },
        ...sampleInvitation().body,
      ],
    };
    const { document } = await unzip(await renderOfficialDocument(spec));
    const paras = paragraphs(document);
    expectRuns(find(paras, 'GIẤY MỜI'), { bold: true, size: 28 });
    expectRuns(find(paras, 'Căn cứ Quy chế hoạt động của Ban Chỉ đạo;'), { italic: true, size: 28 });
    expectRuns(find(paras, 'Căn cứ Kế hoạch công tác năm 2026.'), { italic: true, size: 28 });
    const time = find(paras, 'Thời gian: 14 giờ 00, thứ Năm ngày 24/9/2026.');
    expect(time.runs[0]).toMatchObject({ text: 'Thời gian:', bold: true });
    expect(time.runs[1]).toMatchObject({ bold: false });
    // A label given without its colon gets one.
    find(paras, 'Thành phần: Các đồng chí thành viên Ban Chỉ đạo; Tổ giúp việc Ban Chỉ đạo.');
    expect(find(paras, 'KT. TRƯỞNG BAN')).toBeDefined();
    expect(find(paras, 'PHÓ TRƯỞNG BAN')).toBeDefined();
    find(paras, '- Lưu: VT, VP.');
  });

  it('lays out minutes per Mẫu 1.9: no date line, THƯ KÝ left and CHỦ TỌA right, Nơi nhận under THƯ KÝ', async () => {
    const { document } = await unzip(await renderOfficialDocument(sampleMinutes()));
    const paras = paragraphs(document);
    find(paras, 'Số: 03/BB-BCĐ');
    expectRuns(find(paras, 'BIÊN BẢN'), { bold: true, size: 28 });
    expect(
      paras.some((p) => /ngày \d\d tháng \d+ năm \d{4}$/.test(p.text) && p.text.startsWith('Phúc La')),
    ).toBe(false);
    for (const t of ['THƯ KÝ', 'CHỦ TỌA', 'Vũ Trọng Huân', 'Nguyễn Thị Thu Hằng'])
      expectRuns(find(paras, t), { bold: true });
    const foot = [...document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].at(-1)![0];
    expect(foot.indexOf('THƯ KÝ')).toBeLessThan(foot.indexOf('CHỦ TỌA'));
    expect(foot.indexOf('Vũ Trọng Huân')).toBeLessThan(foot.indexOf('Nơi nhận:'));
    expect(foot.indexOf('Nguyễn Thị Thu Hằng')).toBeLessThan(foot.indexOf('Nơi nhận:'));
    find(paras, '- Lưu: VT, Hồ sơ.');

    const bare = await unzip(await renderOfficialDocument({ ...sampleMinutes(), recipients: [] }));
    expect(bare.document).not.toContain('Nơi nhận');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// LibreOffice round trip: DOCX → PDF → text and PNG. Needs soffice and poppler-utils; fails (never skips) without.

const INSTALL = 'apt-get install libreoffice-writer-nogui poppler-utils';
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../../../../../test-results/documents');

function requireTool(tool: string, what: string) {
  const found = (process.env.PATH ?? '')
    .split(path.delimiter)
    .some((dir) => dir && existsSync(path.join(dir, tool)));
  if (!found) {
    throw new Error(
      `${what} (${tool}) is not installed, and the DOCX → PDF round trip of the official documents needs it. Install it with: ${INSTALL}`,
    );
  }
}

const work = mkdtempSync(path.join(tmpdir(), 'steerco-docx-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const SAMPLES = {
  'conclusion-notice': sampleConclusionNotice,
  invitation: sampleInvitation,
  minutes: sampleMinutes,
} as const;
type Sample = keyof typeof SAMPLES;

/** All three samples converted by one LibreOffice run (its first start builds a profile, in a temporary HOME). */
let converted: Promise<void> | undefined;
function convertSamples(): Promise<void> {
  converted ??= (async () => {
    requireTool('soffice', 'LibreOffice');
    const files: string[] = [];
    for (const [name, spec] of Object.entries(SAMPLES)) {
      const file = path.join(work, `${name}.docx`);
      writeFileSync(file, await renderOfficialDocument(spec()));
      files.push(file);
    }
    const home = path.join(work, 'home');
    mkdirSync(home, { recursive: true });
    await run(
      'soffice',
      [
        `-env:UserInstallation=file://${home}/lo`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        work,
        ...files,
      ],
      { env: { ...process.env, HOME: home }, timeout: 120_000 },
    );
  })();
  return converted;
}

async function pdfText(name: Sample): Promise<string> {
  await convertSamples();
  requireTool('pdftotext', 'poppler-utils');
  const { stdout } = await run('pdftotext', ['-layout', path.join(work, `${name}.pdf`), '-'], {
    timeout: 60_000,
  });
  return stdout.normalize('NFC');
}

async function screenshot(name: Sample): Promise<string[]> {
  await convertSamples();
  requireTool('pdftoppm', 'poppler-utils');
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const f of readdirSync(SCREENSHOTS)) if (f.startsWith(`${name}-`)) rmSync(path.join(SCREENSHOTS, f));
  await run('pdftoppm', ['-png', '-r', '80', path.join(work, `${name}.pdf`), path.join(SCREENSHOTS, name)], {
    timeout: 60_000,
  });
  return readdirSync(SCREENSHOTS).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'));
}

/** The words of `phrase` appear in this order in `text` (a wrapped line in a column of -layout output). */
function inOrder(text: string, phrase: string): boolean {
  const words = text.split(/\s+/);
  let at = 0;
  for (const w of phrase.split(/\s+/)) {
    at = words.indexOf(w, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

const squash = (s: string) => s.replace(/\s+/g, ' ');

describe('LibreOffice round trip', () => {
  it(
    'converts the conclusion notice to a PDF that reads like the document',
    { timeout: 180_000 },
    async () => {
      const spec = sampleConclusionNotice();
      const text = await pdfText('conclusion-notice');
      const pages = text.split('\f').filter((p) => p.trim());
      const first = pages[0]!;
      for (const line of [
        'UBND PHƯỜNG PHÚC LA',
        'BAN CHỈ ĐẠO',
        'CẢI CÁCH HÀNH CHÍNH,',
        'CHUYỂN ĐỔI SỐ VÀ ĐỀ ÁN 06',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Số: 12/TB-BCĐ',
        'Phúc La, ngày 05 tháng 7 năm 2026',
        'THÔNG BÁO',
      ]) {
        expect(first, line).toContain(line);
      }
      expect(inOrder(first, spec.issuer.name)).toBe(true);
      // Số and the date line share a line; the Quốc hiệu shares the first one with the parent authority.
      expect(first).toMatch(/Số: 12\/TB-BCĐ +Phúc La, ngày 05 tháng 7 năm 2026/);
      expect(first).toMatch(/UBND PHƯỜNG PHÚC LA +CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
      expect(squash(text)).toContain(spec.title);
      expect(squash(text)).toContain('1. Văn phòng UBND phường chủ trì');
      for (const s of [
        'TM. BAN CHỈ ĐẠO',
        'TRƯỞNG BAN',
        'Nguyễn Thị Thu Hằng',
        'Nơi nhận:',
        '- Lưu: VT, VP.',
      ]) {
        expect(text, s).toContain(s);
      }
      // No page number on page 1; page 2 starts with "2".
      expect(first.trimStart().startsWith('UBND')).toBe(true);
      if (pages.length > 1) expect(pages[1]!.trim().split(/\s+/)[0]).toBe('2');
    },
  );

  it('renders the conclusion notice, an invitation and minutes to PNG', { timeout: 180_000 }, async () => {
    const notice = await screenshot('conclusion-notice');
    expect(notice).toContain('conclusion-notice-1.png');
    expect(await screenshot('invitation')).toContain('invitation-1.png');
    expect(await screenshot('minutes')).toContain('minutes-1.png');

    const invitation = await pdfText('invitation');
    expect(invitation).toContain('GIẤY MỜI');
    expect(invitation).toContain('Thời gian: 14 giờ 00, thứ Năm ngày 24/9/2026.');
    expect(invitation).toMatch(/KT\. TRƯỞNG BAN/);
    const minutes = await pdfText('minutes');
    expect(minutes).toContain('BIÊN BẢN');
    expect(minutes).toMatch(/THƯ KÝ +CHỦ TỌA/);
    expect(minutes).toMatch(/Vũ Trọng Huân +Nguyễn Thị Thu Hằng/);
    expect(minutes).not.toMatch(/Phúc La, ngày/);
  });
});

describe('benchConclusionNotice', () => {
  it('reports the median time to render a notice with 30 conclusions', async () => {
    const { medianMs } = await benchConclusionNotice(30, 3);
    expect(medianMs).toBeGreaterThan(0);
    expect(medianMs).toBeLessThan(5_000);
  });
});
