import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LogFields } from '../core/log/logger.js';
import { readUpdateConfig, UPDATE_CONFIG_FILE } from './updates.js';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('automatic updates', () => {
  it('are off unless IT wrote an enabled https address of the lab\'s server into update.json', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'upd-'));
    const events: string[] = [];
    const log = { log: (_l: string, event: string, _f?: LogFields) => void events.push(event) };
    expect(readUpdateConfig(dir, log)).toBeNull();
    const write = (v: unknown) => writeFileSync(path.join(dir!, UPDATE_CONFIG_FILE), JSON.stringify(v));
    write({ enabled: false, url: 'https://updates.example-lab.kz/desk/' });
    expect(readUpdateConfig(dir, log)).toBeNull();
    write({ enabled: true, url: 'http://updates.example-lab.kz/desk/' });
    expect(readUpdateConfig(dir, log)).toBeNull();
    expect(events).toEqual(['update.configInvalid']);
    write({ enabled: true, url: 'https://updates.example-lab.kz/desk/' });
    expect(readUpdateConfig(dir, log)).toEqual({ enabled: true, url: 'https://updates.example-lab.kz/desk/', everyHours: 6 });
    writeFileSync(path.join(dir, UPDATE_CONFIG_FILE), '{ not json');
    expect(readUpdateConfig(dir, log)).toBeNull();
  });
});
