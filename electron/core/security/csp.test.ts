import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './csp.js';

const directives = (csp: string) => new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));

describe('the renderer CSP', () => {
  it('allows only our own scripts and styles: no inline script, no eval, no remote content, no plugins, no framing by others', () => {
    const d = directives(contentSecurityPolicy());
    expect(d.get('default-src')).toEqual(["'none'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('style-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(d.get('form-action')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'self'"]);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    for (const values of d.values()) for (const v of values) expect(v).not.toMatch(/unsafe-inline|unsafe-eval|^https?:|^\*$/);
  });

  it('adds only the harness loopback socket when asked', () => {
    expect(directives(contentSecurityPolicy({ connectSrc: ['ws://127.0.0.1:5180'] })).get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:5180']);
  });
});
