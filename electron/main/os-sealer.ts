import { safeStorage } from 'electron';
import type { OsSealer } from '../core/keys/keyring.js';

/**
 * The OS keychain as an outer seal on the keyring, where there is a real keychain. On
 * Linux, `basic_text` means safeStorage would encrypt with a fixed, public password, which
 * is no protection at all, so we treat it as "no keychain".
 */
export function osSealer(): OsSealer | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return null;
  return {
    name: process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : process.platform,
    seal: (plain) => safeStorage.encryptString(plain.toString('base64')),
    open: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
  };
}
