import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { redactLogText } from './redact.js';
import { RotatingLog } from './rotating-file.js';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the log file', () => {
  it('removes what personal data looks like from free text', () => {
    const line = 'spooler: job for Нұрланова Әйгерім ИИН 880315400010, tel +7 (701) 234-56-78, aigerim@example.kz at /home/aigerim/Desktop';
    const clean = redactLogText(line, '/home/aigerim');
    for (const secret of ['Нұрланова', 'Әйгерім', '880315400010', '234-56-78', 'aigerim@example.kz', '/home/aigerim']) expect(clean).not.toContain(secret);
    expect(clean).toContain('spooler: job for');
    expect(clean).toContain('~/Desktop');
    // Our own vocabulary passes untouched: event names, codes, small counts.
    expect(redactLogText('core.internal method=patient.create error=TypeError count=3')).toBe('core.internal method=patient.create error=TypeError count=3');
  });

  it('writes JSON lines, redacts every value, and rotates by size keeping a fixed number of files', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'log-'));
    const log = new RotatingLog({ dir, maxBytes: 300, keep: 2, clock: () => new Date('2026-01-02T03:04:05Z') });
    log.log('error', 'core.stderr', { line: 'Error near Жандосова 12 for 880315400010' });
    const first = JSON.parse(readFileSync(log.path, 'utf8').trim()) as Record<string, unknown>;
    expect(first).toEqual({ t: '2026-01-02T03:04:05.000Z', level: 'error', event: 'core.stderr', line: 'Error near ‹text› 12 for ‹digits›' });
    for (let i = 0; i < 40; i++) log.log('info', 'app.event', { n: i });
    const files = log.files();
    expect(files.map((f) => path.basename(f))).toEqual(['desk.log', 'desk.1.log', 'desk.2.log']);
    for (const f of files) expect(readFileSync(f).length).toBeLessThanOrEqual(300);
    // The newest lines are in desk.log; the oldest were dropped.
    expect(readFileSync(log.path, 'utf8')).toContain('"n":39');
    expect(files.map((f) => readFileSync(f, 'utf8')).join('')).not.toContain('"n":0,');
  });
});
