import { safeStorage } from 'electron';
import { AppError } from '../core/errors.js';
import type { HostServices } from '../core/port/core-client.js';
import { keychainStatus, type KeychainStatus } from './keychain-status.js';

/** Which keychain this desktop session offers (call after `app.whenReady`). */
export function findKeychain(): KeychainStatus {
  return keychainStatus(process.platform, safeStorage.isEncryptionAvailable(), process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null);
}

/**
 * The keychain host calls. Electron 41 (pinned) has only the synchronous safeStorage API;
 * the calls reach here over the core's port, so the core already awaits them and the async
 * API can replace these two lines when the pin moves. safeStorage takes strings, so the
 * bytes travel as base64 inside it.
 */
export function keychainHost(status: KeychainStatus): Pick<HostServices, 'keychain.seal' | 'keychain.open'> {
  const ensureUsable = () => {
    if (!status.usable) throw new AppError('keychain.unavailable');
  };
  return {
    'keychain.seal': async ({ data }) => {
      ensureUsable();
      return { data: new Uint8Array(safeStorage.encryptString(Buffer.from(data).toString('base64'))) };
    },
    'keychain.open': async ({ data }) => {
      ensureUsable();
      return { data: new Uint8Array(Buffer.from(safeStorage.decryptString(Buffer.from(data)), 'base64')) };
    },
  };
}
