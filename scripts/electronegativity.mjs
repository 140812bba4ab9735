// `npm run check:electron` (part of `npm test`): Doyensec's Electronegativity over the app's
// Electron and renderer sources, failing on any HIGH or MEDIUM finding that is not justified
// in security/electronegativity-allow.json. The sources are staged without tests and
// node_modules (the scanner would read both), and the pinned Electron version is passed, so
// the scan needs no network.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
export const ALLOW_FILE = path.join(ROOT, 'security', 'electronegativity-allow.json');
const SEVERE = new Set(['HIGH', 'MEDIUM']);

/** Splits findings into accepted and unjustified; allow entries without a reason count as absent. */
export function judge(issues, allow) {
  const entries = allow.filter((a) => typeof a.why === 'string' && a.why.trim().length >= 20);
  const matches = (i, a) => a.check === i.id && a.file === i.file;
  const severe = issues.filter((i) => SEVERE.has(i.severity));
  return {
    unjustified: severe.filter((i) => !entries.some((a) => matches(i, a))),
    accepted: severe.filter((i) => entries.some((a) => matches(i, a))),
    unexplained: allow.filter((a) => !entries.includes(a)),
    stale: entries.filter((a) => !severe.some((i) => matches(i, a))),
  };
}

function stage() {
  const dir = mkdtempSync(path.join(tmpdir(), 'electronegativity-'));
  const skip = (p) => /\.test\.tsx?$/.test(p) || p.includes(`${path.sep}testing${path.sep}`) || p.includes('node_modules');
  cpSync(path.join(ROOT, 'electron'), dir, { recursive: true, filter: (p) => !skip(p) });
  cpSync(path.join(ROOT, 'renderer', 'src'), path.join(dir, 'renderer'), { recursive: true, filter: (p) => !skip(p) });
  cpSync(path.join(ROOT, 'renderer', 'index.html'), path.join(dir, 'renderer', 'index.html'));
  return dir;
}

/** Runs the scanner over a folder for the pinned Electron version; findings as plain objects. */
export async function scan(dir) {
  const run = require('@doyensec/electronegativity');
  const electronVersion = require('electron/package.json').version;
  const result = await run({ input: dir, electronVersionOverride: electronVersion, isRelative: true, parserPlugins: [] }, false);
  const issues = result.issues.map((i) => ({ id: i.id, severity: i.severity.name, confidence: i.confidence.name, file: i.file, line: i.location.line }));
  return { electronVersion, checks: result.globalChecks + result.atomicChecks, errors: result.errors, issues };
}

async function main() {
  const dir = stage();
  let result;
  try {
    result = await scan(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const { issues, electronVersion } = result;
  const allow = JSON.parse(readFileSync(ALLOW_FILE, 'utf8')).allow;
  const verdict = judge(issues, allow);
  const show = (i) => `${i.severity.padEnd(6)} ${i.id} ${i.file}:${i.line}`;
  console.log(`electronegativity (Electron ${electronVersion}): ${result.checks} checks, ${issues.length} findings, ${result.errors.length} files it could not parse`);
  for (const i of verdict.accepted) console.log(`  accepted  ${show(i)}`);
  for (const a of verdict.stale) console.log(`  note: allow-list entry ${a.check} ${a.file} no longer matches anything; remove it`);
  for (const a of verdict.unexplained) console.log(`  allow-list entry ${a.check} ${a.file} has no reason: it does not count`);
  for (const i of verdict.unjustified) console.log(`  UNJUSTIFIED ${show(i)}`);
  if (verdict.unjustified.length > 0 || result.errors.length > 0) {
    console.log('Fix the finding, or justify it in security/electronegativity-allow.json.');
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) await main();
