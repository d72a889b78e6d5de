export interface EmailContent {
  title: string;
  /** Plain text; a newline inside a paragraph becomes a line break. */
  paragraphs: string[];
  /** One button, e.g. "Xác nhận tham dự"; the URL is also written out for clients that hide buttons. */
  action?: { label: string; url: string };
  /** Small print: who sent it and why the reader gets it. */
  footer: string;
}

const FONT = "Arial, 'Helvetica Neue', Helvetica, sans-serif";

/**
 * One simple layout for every e-mail: a table-based, inline-styled HTML body (what mail clients render
 * reliably) and the same content as plain text. Every value is escaped; only http(s) links become buttons.
 */
export function renderEmail(content: EmailContent): { html: string; text: string } {
  const action = content.action && /^https?:\/\//i.test(content.action.url) ? content.action : undefined;
  const paragraphs = content.paragraphs
    .map(
      (p) =>
        `<p style="margin:0 0 14px;font-family:${FONT};font-size:15px;line-height:1.55;color:#1f2933">${escapeHtml(p).replace(/\r?\n/g, '<br>')}</p>`,
    )
    .join('\n');
  const button = action
    ? `<table role="presentation" cellpadding="0" cellspacing="0" style="margin:8px 0 18px"><tr><td style="background:#b91c1c;border-radius:4px">
<a href="${escapeHtml(action.url)}" style="display:inline-block;padding:11px 22px;font-family:${FONT};font-size:15px;font-weight:bold;color:#ffffff;text-decoration:none">${escapeHtml(action.label)}</a>
</td></tr></table>
<p style="margin:0 0 14px;font-family:${FONT};font-size:13px;color:#52606d">Nếu nút trên không hoạt động, hãy mở đường dẫn: <a href="${escapeHtml(action.url)}" style="color:#b91c1c;word-break:break-all">${escapeHtml(action.url)}</a></p>`
    : '';
  const html = `<!DOCTYPE html>
<html lang="vi">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(content.title)}</title></head>
<body style="margin:0;padding:0;background:#f3f4f6">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f3f4f6"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="width:100%;max-width:600px;background:#ffffff;border-top:4px solid #b91c1c;border-radius:4px">
<tr><td style="padding:24px 28px">
<h1 style="margin:0 0 18px;font-family:${FONT};font-size:20px;line-height:1.35;color:#111827">${escapeHtml(content.title)}</h1>
${paragraphs}
${button}
</td></tr>
<tr><td style="padding:14px 28px;border-top:1px solid #e5e7eb;font-family:${FONT};font-size:12px;line-height:1.5;color:#6b7280">${escapeHtml(content.footer).replace(/\r?\n/g, '<br>')}</td></tr>
</table>
</td></tr></table>
</body>
</html>
`;
  const text = [
    content.title,
    '='.repeat(Math.min(content.title.length, 72)),
    '',
    ...content.paragraphs.flatMap((p) => [p, '']),
    ...(action ? [`${action.label}: ${action.url}`, ''] : []),
    '-- ',
    content.footer,
    '',
  ].join('\n');
  return { html, text };
}

export function escapeHtml(s: string): string {
  return s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
