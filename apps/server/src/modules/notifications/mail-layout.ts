/** The house e-mail: one layout for every message, in plain text and accessible HTML, in Spanish. */

export interface MailContent {
  greeting: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Items listed under the paragraphs (a digest), each with its own link. */
  items?: { title: string; detail: string; url: string }[];
  /** Where the person chooses what they receive; said at the foot of optional mail. */
  preferencesUrl?: string;
}

const DEFAULT_PUBLIC_URL = 'http://localhost:3000';

/** Telar's address as people reach it (TELAR_PUBLIC_URL), without a trailing slash. */
export function publicBaseUrl(): string {
  return (process.env.TELAR_PUBLIC_URL || DEFAULT_PUBLIC_URL).replace(/\/+$/, '');
}

/** An absolute link to a page of the app: paths are joined to TELAR_PUBLIC_URL, absolute URLs kept. */
export function publicLink(pathOrUrl: string): string {
  return /^https?:\/\//i.test(pathOrUrl) ? pathOrUrl : `${publicBaseUrl()}${pathOrUrl.startsWith('/') ? '' : '/'}${pathOrUrl}`;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const FOOTER = 'Este mensaje lo envió Telar, el sistema de seguimiento del Sistema de Protección Integral de Niñas, Niños y Adolescentes.';
const PREFERENCES_LABEL = 'Elegir qué avisos recibo y cuándo';

export function renderMailLayout(content: MailContent): { text: string; html: string } {
  const action = content.action && { label: content.action.label, url: publicLink(content.action.url) };
  const items = (content.items ?? []).map((item) => ({ ...item, url: publicLink(item.url) }));
  const preferencesUrl = content.preferencesUrl && publicLink(content.preferencesUrl);

  const text = [
    content.greeting,
    ...content.paragraphs,
    ...items.map((item) => `• ${item.title}\n  ${item.detail}\n  ${item.url}`),
    ...(action ? [`${action.label}: ${action.url}`] : []),
    '--',
    FOOTER,
    ...(preferencesUrl ? [`${PREFERENCES_LABEL}: ${preferencesUrl}`] : []),
  ].join('\n\n');

  const paragraph = (body: string) => `<p style="margin:0 0 16px">${body}</p>`;
  const html = `<!doctype html>
<html lang="es-MX">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(content.greeting)}</title></head>
<body style="margin:0;padding:24px;background:#ffffff;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">
<main style="max-width:600px;margin:0 auto">
<p style="margin:0 0 24px;font-weight:bold;color:#5c1a33">Telar</p>
${paragraph(escapeHtml(content.greeting))}
${content.paragraphs.map((p) => paragraph(escapeHtml(p))).join('\n')}
${items.length ? `<ul style="padding-left:20px;margin:0 0 16px">${items.map((item) => `<li style="margin-bottom:12px"><a href="${escapeHtml(item.url)}" style="color:#5c1a33;font-weight:bold">${escapeHtml(item.title)}</a><br>${escapeHtml(item.detail)}</li>`).join('')}</ul>` : ''}
${action ? paragraph(`<a href="${escapeHtml(action.url)}" style="display:inline-block;padding:12px 20px;background:#5c1a33;color:#ffffff;text-decoration:none;border-radius:4px;font-weight:bold">${escapeHtml(action.label)}</a>`) : ''}
<hr style="border:none;border-top:1px solid #cccccc;margin:24px 0">
<p style="margin:0 0 8px;font-size:14px;color:#444444">${escapeHtml(FOOTER)}</p>
${preferencesUrl ? `<p style="margin:0;font-size:14px"><a href="${escapeHtml(preferencesUrl)}" style="color:#5c1a33">${PREFERENCES_LABEL}</a></p>` : ''}
</main>
</body>
</html>
`;
  return { text, html };
}
