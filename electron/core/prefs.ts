import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './util/atomic-file.js';

/**
 * Device preferences that must be known before anyone logs in (the login screen's language).
 * Nothing personal is kept here, so it may live outside the encrypted store.
 */
import { LANGUAGES, type Language } from './languages.js';

export { LANGUAGES, type Language };

const prefsSchema = z.object({ language: z.enum(LANGUAGES) });
export type Prefs = z.infer<typeof prefsSchema>;

const DEFAULT_PREFS: Prefs = { language: 'ru' };

export function readPrefs(dataDir: string): Prefs {
  const file = path.join(dataDir, 'prefs.json');
  if (!existsSync(file)) return DEFAULT_PREFS;
  try {
    return prefsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return DEFAULT_PREFS;
  }
}

export function writePrefs(dataDir: string, prefs: Prefs): void {
  writeFileAtomic(path.join(dataDir, 'prefs.json'), JSON.stringify(prefsSchema.parse(prefs)));
}
