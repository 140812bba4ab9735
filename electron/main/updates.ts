import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Logger } from '../core/log/logger.js';

/**
 * Automatic updates are OFF unless the operator turns them on: a reception PC must not
 * change under a receptionist without IT deciding so, and updates come only from the lab's
 * own server. To turn them on, IT writes `update.json` into the app's user-data folder:
 *
 *   { "enabled": true, "url": "https://updates.example-lab.kz/desk/" }
 *
 * where the URL is a folder holding what `npm run dist` made (latest.yml, latest-linux.yml,
 * the installers). electron-updater checks the installers' signatures on Windows and macOS,
 * so code signing must be configured for the channel to be trusted (README, Packaging).
 */
const updateConfigSchema = z.object({
  enabled: z.boolean(),
  url: z.url({ protocol: /^https$/ }),
  /** How often to look, in hours (default 6). */
  everyHours: z.number().min(1).max(168).default(6),
});
export type UpdateConfig = z.infer<typeof updateConfigSchema>;

export const UPDATE_CONFIG_FILE = 'update.json';

/** Reads the operator's update settings; anything missing or malformed means off. */
export function readUpdateConfig(userData: string, log: Logger): UpdateConfig | null {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path.join(userData, UPDATE_CONFIG_FILE), 'utf8'));
  } catch {
    return null;
  }
  const parsed = updateConfigSchema.safeParse(raw);
  if (!parsed.success) {
    log.log('warn', 'update.configInvalid', {});
    return null;
  }
  return parsed.data.enabled ? parsed.data : null;
}

/** Starts checking the lab's server, downloading in the background and installing on quit. */
export async function startUpdates(config: UpdateConfig, log: Logger): Promise<void> {
  const { autoUpdater } = await import('electron-updater');
  autoUpdater.setFeedURL({ provider: 'generic', url: config.url });
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.logger = null;
  autoUpdater.on('error', (e: Error) => log.log('warn', 'update.error', { error: e.name }));
  autoUpdater.on('update-downloaded', (info: { version: string }) => log.log('info', 'update.downloaded', { version: info.version }));
  const check = () => void autoUpdater.checkForUpdates().catch((e: unknown) => log.log('warn', 'update.checkFailed', { error: e instanceof Error ? e.name : typeof e }));
  check();
  setInterval(check, config.everyHours * 3_600_000).unref();
}
