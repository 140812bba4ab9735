import { AppError } from '../errors.js';
import type { Db } from './database.js';

export interface Migration {
  /** 1, 2, 3…: stored in `PRAGMA user_version` once applied. */
  version: number;
  name: string;
  up(db: Db): void;
}

export function schemaVersion(db: Db): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/**
 * Applies pending migrations, each in its own transaction together with the bump of
 * `user_version`, so a crash leaves the store at a version boundary and never half-migrated.
 *
 * A store written by a newer app refuses to open: an older app cannot know what the newer
 * tables mean and might corrupt them.
 */
export function runMigrations(db: Db, migrations: readonly Migration[], target?: number): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} is numbered ${m.version}, expected ${i + 1}`);
  });
  const latest = migrations.length;
  const goal = target ?? latest;
  const current = schemaVersion(db);
  if (current > latest) {
    throw new AppError('store.newerThanApp', { details: { storeVersion: current, appVersion: latest } });
  }
  for (const m of migrations) {
    if (m.version <= current || m.version > goal) continue;
    db.transaction(() => {
      m.up(db);
      // user_version is an integer we own, not input: safe to interpolate.
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}
