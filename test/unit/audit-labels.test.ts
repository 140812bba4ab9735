import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every action the core writes to the audit log has a label in each language, so the
 * manager's audit screen never shows a raw code.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    if (statSync(p).isDirectory()) return files(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

function actionsInCore(): string[] {
  const found = new Set<string>();
  for (const f of files(path.join(ROOT, 'electron/core'))) {
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(/action:\s*(?:[^,{}]*\?\s*)?'([a-z]+\.[a-zA-Z]+)'(?:\s*:\s*'([a-z]+\.[a-zA-Z]+)')?/g)) {
      found.add(m[1]!);
      if (m[2]) found.add(m[2]);
    }
  }
  return [...found].sort();
}

describe('audit action labels', () => {
  const actions = actionsInCore();
  it('finds the actions the core writes', () => {
    expect(actions).toEqual(expect.arrayContaining(['patient.viewed', 'patient.created', 'consent.withdrawn', 'auth.idleLocked', 'patient.blocked', 'patient.imported']));
  });

  it.each(['kk', 'ru', 'en'])('%s names every audit action', (lang) => {
    const labels = JSON.parse(readFileSync(path.join(ROOT, 'resources/locales', lang, 'audit.json'), 'utf8')) as { action: Record<string, Record<string, string>> };
    const missing = actions.filter((a) => {
      const [area, verb] = a.split('.') as [string, string];
      return !labels.action[area]?.[verb];
    });
    expect(missing).toEqual([]);
  });
});
