import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without type declarations
import { ALLOW_FILE, judge, scan } from './electronegativity.mjs';

interface Issue {
  id: string;
  severity: string;
  file: string;
}
interface Allow {
  check: string;
  file: string;
  why?: string;
}
const judgeT = judge as (issues: Issue[], allow: Allow[]) => { unjustified: Issue[]; accepted: Issue[]; unexplained: Allow[]; stale: Allow[] };
const scanT = scan as (dir: string) => Promise<{ issues: Issue[] }>;

describe('the electronegativity gate', () => {
  it('accepts only findings the allow-list justifies, by check and file, and ignores low ones', () => {
    const issues: Issue[] = [
      { id: 'PRELOAD_JS_CHECK', severity: 'MEDIUM', file: 'main/main.ts' },
      { id: 'PRELOAD_JS_CHECK', severity: 'MEDIUM', file: 'main/other.ts' },
      { id: 'NODE_INTEGRATION_JS_CHECK', severity: 'HIGH', file: 'main/main.ts' },
      { id: 'SOMETHING_INFO', severity: 'INFORMATIONAL', file: 'main/main.ts' },
    ];
    const allow: Allow[] = [
      { check: 'PRELOAD_JS_CHECK', file: 'main/main.ts', why: 'one function through contextBridge, sender checked' },
      { check: 'NODE_INTEGRATION_JS_CHECK', file: 'main/main.ts', why: '' },
      { check: 'GONE_CHECK', file: 'N/A', why: 'a finding that was fixed since this entry was written' },
    ];
    const v = judgeT(issues, allow);
    expect(v.accepted.map((i) => i.file)).toEqual(['main/main.ts']);
    expect(v.unjustified.map((i) => `${i.id} ${i.file}`)).toEqual(['PRELOAD_JS_CHECK main/other.ts', 'NODE_INTEGRATION_JS_CHECK main/main.ts']);
    expect(v.unexplained.map((a) => a.check)).toEqual(['NODE_INTEGRATION_JS_CHECK']);
    expect(v.stale.map((a) => a.check)).toEqual(['GONE_CHECK']);
  });

  it('every entry of the real allow-list gives its reason', () => {
    const { allow } = JSON.parse(readFileSync(ALLOW_FILE as string, 'utf8')) as { allow: Allow[] };
    expect(allow.length).toBeGreaterThan(0);
    expect(judgeT([], allow).unexplained).toEqual([]);
  });

  it('the scanner itself catches a window without context isolation or sandbox, and an app without navigation limits', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'eneg-bad-'));
    try {
      writeFileSync(
        path.join(dir, 'main.js'),
        "const { BrowserWindow } = require('electron');\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\n",
      );
      const { issues } = await scanT(dir);
      const { allow } = JSON.parse(readFileSync(ALLOW_FILE as string, 'utf8')) as { allow: Allow[] };
      const ids = judgeT(issues, allow).unjustified.map((i) => i.id);
      expect(ids).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK']));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
