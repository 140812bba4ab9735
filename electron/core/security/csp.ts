/**
 * The renderer's Content-Security-Policy, shared by the Electron protocol handler and the
 * browser harness so both run the renderer under the same rules: only our own scripts and
 * styles, no inline script, no eval, no remote content, no plugins, no framing.
 */
export function contentSecurityPolicy(opts: { connectSrc?: readonly string[] } = {}): string {
  const connect = ["'self'", ...(opts.connectSrc ?? [])].join(' ');
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${connect}`,
    // Printed forms and PDFs are shown in a same-origin frame.
    "frame-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'self'",
  ].join('; ');
}
