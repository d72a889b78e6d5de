/**
 * The web preview of an official document: the same model as the DOCX (official-document.ts), laid out as an
 * HTML fragment that mimics the Decree 30 page — the two-column header, kind and trích yếu, body, "Nơi nhận" and
 * signature. Every text is escaped; the fragment carries its own inline styles and no script.
 */
import type { Block } from '@steerco/contract/documents';
import {
  issuerLines,
  numberLine,
  type OfficialDocumentSpec,
  vietnameseDateLine,
} from './official-document.ts';

/** The DOCX header's left column (68 mm) less 1 mm, in twips: the issuer breaks where the DOCX breaks it. */
const ISSUER_WIDTH = Math.round((67 * 1440) / 25.4);

const esc = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
/** Escaped, with "\n" as line breaks. */
const txt = (s: string) => esc(s).replace(/\n/g, '<br>');

const FONT = "'Times New Roman', Times, serif";
const RULE = (width: string) =>
  `<div style="width:${width};margin:2px auto 0;border-top:1px solid #000"></div>`;
const P = 'margin:0 0 6pt;text-align:justify;text-indent:1cm;line-height:1.15';

function punctuate(lines: string[]): string[] {
  return lines.map((l, i) => `${l.trim().replace(/[;.,]+$/, '')}${i === lines.length - 1 ? '.' : ';'}`);
}

function block(b: Block): string {
  switch (b.type) {
    case 'paragraph': {
      const style = `${P}${b.bold ? ';font-weight:bold' : ''}${b.italic ? ';font-style:italic' : ''}${b.indent === false ? ';text-indent:0' : ''}`;
      return `<p style="${style}">${txt(b.text)}</p>`;
    }
    case 'heading': {
      const centered = b.text === b.text.toUpperCase() || /^(Chương|Phần|Mục)\s/i.test(b.text);
      return `<p style="${P};font-weight:bold${centered ? ';text-align:center;text-indent:0' : ''}">${txt(b.text)}</p>`;
    }
    case 'numbered':
      return b.items.map((item, i) => `<p style="${P}">${txt(`${i + 1}. ${item}`)}</p>`).join('');
    case 'field': {
      const label = b.label.trim().endsWith(':') ? b.label.trim() : `${b.label.trim()}:`;
      return `<p style="${P}"><b>${esc(label)}</b> ${txt(b.value)}</p>`;
    }
    case 'basis':
      return punctuate(b.lines)
        .map((l) => `<p style="${P};font-style:italic">${txt(l)}</p>`)
        .join('');
    case 'article': {
      const head = `<b>Điều ${b.number}.${b.title ? ` ${esc(b.title)}` : ''}</b>`;
      return b.title
        ? `<p style="${P}">${head}</p><p style="${P}">${txt(b.text)}</p>`
        : `<p style="${P}">${head} ${txt(b.text)}</p>`;
    }
    case 'table': {
      const cell = 'border:1px solid #000;padding:2px 4px;vertical-align:top;font-size:12pt';
      const head = b.columns.map((c) => `<th style="${cell};text-align:center">${txt(c)}</th>`).join('');
      const rows = b.rows
        .map((r) => {
          const group = r.slice(2).every((c) => !c) && /^[IVXLC]+$/.test(r[0] ?? '');
          return `<tr${group ? ' style="font-weight:bold"' : ''}>${b.columns.map((_, i) => `<td style="${cell}${i === 0 ? ';text-align:center' : ''}">${txt(r[i] ?? '')}</td>`).join('')}</tr>`;
        })
        .join('');
      return `<table style="width:100%;border-collapse:collapse;margin:0 0 6pt"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
    }
  }
}

function signature(capacity: string[], name: string | null): string {
  return `<div style="text-align:center;font-weight:bold">${capacity.map((c) => `<div>${esc(c.toUpperCase())}</div>`).join('')}<div style="height:5.5em"></div><div>${esc(name ?? '')}</div></div>`;
}

function recipients(list: string[]): string {
  if (!list.length) return '';
  return `<div style="font-size:12pt;font-weight:bold;font-style:italic">Nơi nhận:</div>${punctuate(list)
    .map((r) => `<div style="font-size:11pt">- ${esc(r)}</div>`)
    .join('')}`;
}

export function renderOfficialDocumentHtml(spec: OfficialDocumentSpec): string {
  const minutes = spec.kind === 'BIÊN BẢN' || spec.minutes !== undefined;
  const parent = spec.issuer.parent ? `<div>${esc(spec.issuer.parent.toUpperCase())}</div>` : '';
  const header = `<table style="width:100%;border-collapse:collapse;font-size:13pt"><tr>
<td style="width:41%;text-align:center;vertical-align:top">${parent}<div style="font-weight:bold">${txt(issuerLines(spec.issuer.name, ISSUER_WIDTH).join('\n'))}</div>${RULE('35%')}</td>
<td style="text-align:center;vertical-align:top"><div style="font-weight:bold">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div><div style="font-weight:bold;font-size:14pt">Độc lập - Tự do - Hạnh phúc</div>${RULE('62%')}</td></tr>
<tr><td style="text-align:center;padding-top:6pt;white-space:pre-wrap">${esc(numberLine(spec.number, spec.symbol))}</td>
<td style="text-align:center;padding-top:6pt;font-style:italic;font-size:14pt;white-space:pre-wrap">${minutes ? '' : esc(vietnameseDateLine(spec.place, spec.date))}</td></tr></table>`;
  const title = `<div style="text-align:center;font-weight:bold;margin-top:18pt">${esc(spec.kind)}</div><div style="text-align:center;font-weight:bold">${txt(spec.title)}</div>${RULE('25%')}<div style="height:12pt"></div>`;
  const body = spec.body.map(block).join('');
  const foot = minutes
    ? `<table style="width:100%;margin-top:6pt"><tr><td style="width:50%;vertical-align:top">${signature(['THƯ KÝ'], spec.minutes?.secretary ?? null)}</td><td style="vertical-align:top">${signature(['CHỦ TỌA'], spec.signature.name)}</td></tr><tr><td style="vertical-align:top;padding-top:12pt">${recipients(spec.recipients)}</td><td></td></tr></table>`
    : `<table style="width:100%;margin-top:6pt"><tr><td style="width:48%;vertical-align:top">${recipients(spec.recipients)}</td><td style="vertical-align:top">${signature(spec.signature.capacity, spec.signature.name)}</td></tr></table>`;
  const mark = spec.draft
    ? '<div style="text-align:right;margin-bottom:8pt"><span style="border:1px solid #000;padding:0 6px;font-size:11pt;font-weight:bold">DỰ THẢO</span></div>'
    : '';
  return `<article class="official-document" lang="vi" style="font-family:${FONT};font-size:14pt;color:#000;background:#fff;line-height:1.2">${mark}${header}${title}${body}${foot}</article>`;
}
