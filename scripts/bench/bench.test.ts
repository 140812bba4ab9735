/**
 * The quick bench runs once in `npm test`, so it cannot rot: every measure must come out as a
 * well-formed JSON line (or a line saying why it was skipped here). Timing is never asserted:
 * a bench reports, and a loaded CI machine is no reason to fail.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const EXPECTED = [
  'registration-workload.aegis',
  'search.iin-prefix.p95',
  'search.surname-prefix.p95',
  'search.surname-transliterated.p95',
  'search.surname-one-edit.p95',
  'search.phone-prefix.p95',
  'search.phone-suffix.p95',
  'registration-commit.p95',
  'search.store-size',
  'search.process-rss',
  'unlock.p50',
  'consent-pdf.warm.p50',
  'sync-drain.pglite',
  'central-load.pglite.throughput',
  'central-load.pglite.single-upload.p95',
];

describe('npm run bench -- --quick', () => {
  it('prints every measure with its value, baseline, ratio and target, then a table', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench/run.ts', '--quick'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(run.status, run.stderr.slice(-2000)).toBe(0);
    const lines = run.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
    const byName = new Map(lines.filter((l) => typeof l.name === 'string').map((l) => [l.name as string, l]));
    for (const name of EXPECTED) {
      const m = byName.get(name);
      expect(m, `measure ${name}`).toBeDefined();
      if (!m || 'skipped' in m) continue;
      expect(typeof m.value).toBe('number');
      expect(typeof m.unit).toBe('string');
      expect(m).toHaveProperty('baseline');
      expect(m).toHaveProperty('ratio');
      expect(m).toHaveProperty('target');
    }
    expect(lines.find((l) => l.bench === 'start')).toMatchObject({ mode: 'quick' });
    expect(run.stdout).toMatch(/measure\s+value\s+baseline\s+ratio\s+target/);
  }, 900_000);
});
