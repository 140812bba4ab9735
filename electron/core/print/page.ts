import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Printed forms are self-contained HTML pages rendered by Chromium's print engine (Electron's
 * printToPDF, or Playwright's page.pdf in the browser harness and tests). The fonts are
 * embedded from resources/fonts, so a form never depends on what the workstation has
 * installed: Noto Sans covers every Kazakh letter (Әә Ғғ Ққ Ңң Өө Ұұ Үү Һһ Іі), Noto Sans
 * Symbols 2 the ballot boxes ☐ ☑ the consent text uses.
 */
const FACES = [
  { family: 'Desk Sans', file: 'noto-sans-latin-400-normal.woff2', weight: 400, range: 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD' },
  { family: 'Desk Sans', file: 'noto-sans-latin-700-normal.woff2', weight: 700, range: 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD' },
  { family: 'Desk Sans', file: 'noto-sans-cyrillic-400-normal.woff2', weight: 400, range: 'U+0301,U+0400-045F,U+0490-0491,U+04B0-04B1,U+2116' },
  { family: 'Desk Sans', file: 'noto-sans-cyrillic-700-normal.woff2', weight: 700, range: 'U+0301,U+0400-045F,U+0490-0491,U+04B0-04B1,U+2116' },
  { family: 'Desk Sans', file: 'noto-sans-cyrillic-ext-400-normal.woff2', weight: 400, range: 'U+0460-052F,U+1C80-1C8A,U+20B4,U+2DE0-2DFF,U+A640-A69F,U+FE2E-FE2F' },
  { family: 'Desk Sans', file: 'noto-sans-cyrillic-ext-700-normal.woff2', weight: 700, range: 'U+0460-052F,U+1C80-1C8A,U+20B4,U+2DE0-2DFF,U+A640-A69F,U+FE2E-FE2F' },
  { family: 'Desk Symbols', file: 'noto-sans-symbols-2-symbols-400-normal.woff2', weight: 400, range: 'U+2190-2BFF' },
] as const;

export function fontFaceCss(resourcesDir: string): string {
  return FACES.map((f) => {
    const data = readFileSync(path.join(resourcesDir, 'fonts', f.file)).toString('base64');
    return `@font-face{font-family:'${f.family}';font-style:normal;font-weight:${f.weight};src:url(data:font/woff2;base64,${data}) format('woff2');unicode-range:${f.range};}`;
  }).join('\n');
}

const PRINT_CSS = `
@page { size: A4; margin: 12mm 14mm 12mm 14mm; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: 'Desk Sans', 'Desk Symbols'; font-size: 9.6pt; line-height: 1.32; color: #000; }
h1 { font-size: 13pt; text-align: center; margin: 0 0 4pt; }
h2 { font-size: 10.5pt; margin: 8pt 0 3pt; }
p { margin: 0 0 4pt; text-align: justify; }
ul { margin: 0 0 4pt; padding-left: 14pt; }
li { margin: 0 0 1pt; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0; }
th, td { border: 0.5pt solid #444; padding: 3pt 5pt; vertical-align: top; text-align: left; }
.consent-checkbox, .box { font-family: 'Desk Symbols', 'Desk Sans'; }
.consent-purposes { list-style: none; padding-left: 0; }
.consent-purpose-mark { color: #333; font-size: 9pt; }
.doc { page-break-after: always; }
.doc:last-child { page-break-after: auto; }
.doc-head { display: flex; justify-content: space-between; align-items: flex-start; gap: 10pt; margin-bottom: 6pt; }
.doc-id { font-size: 8.5pt; color: #222; }
.doc-id code { font-family: 'Desk Sans'; word-break: break-all; }
.qr svg { width: 22mm; height: 22mm; }
.signatures { margin-top: 12pt; display: grid; grid-template-columns: 1fr 1fr; gap: 14pt; page-break-inside: avoid; }
.sign-line { border-bottom: 0.6pt solid #000; height: 18pt; }
.sign-caption { font-size: 8.5pt; color: #222; }
.right { text-align: right; }
.form-line { border-bottom: 0.6pt solid #000; min-height: 14pt; padding: 1pt 2pt; margin-bottom: 5pt; }
.label { font-size: 8.5pt; color: #222; }
`;

/**
 * The print page's own policy: no script, no network, only its inline styles and embedded
 * fonts and images. The print window runs script only to wait for the fonts (from the
 * shell, which a page policy does not govern).
 */
export const PRINT_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:";

/** A complete print page. `body` is trusted HTML built by our own templates with escaped values. */
export function printPage(resourcesDir: string, lang: 'kk' | 'ru', title: string, body: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${PRINT_PAGE_CSP}"><title>${escapeHtml(title)}</title><style>${fontFaceCss(resourcesDir)}${PRINT_CSS}</style></head><body>${body}</body></html>`;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}
