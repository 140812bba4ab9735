import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Keyring, type UnlockedKeys } from '../keys/keyring.js';
import type { CipherName } from '../store/database.js';
import { proveKey } from './prove-key.js';

/**
 * The rekey's safety net. Before SQLite re-encrypts the store, the new data key is written,
 * sealed by the master key as usual, into `rekey-pending/keyring.json` (a portable copy of
 * the keyring: the same password-wrapped entries, so any staff password opens it). If the
 * process dies after SQLite committed the new key but before `keyring.json` recorded it,
 * the main keyring no longer opens the store and this copy does; `finishInterruptedRekey`
 * then completes the switch. Without it the only copy of the new key would have been in
 * the dead process's memory, and the store would be lost.
 */
export const PENDING_DIR = 'rekey-pending';

function dirOf(dataDir: string): string {
  return path.join(dataDir, PENDING_DIR);
}

export function hasPendingKeyring(dataDir: string): boolean {
  return Keyring.exists(dirOf(dataDir));
}

/** Only call once the store is known to open with the main keyring (a stale copy is useless). */
export function clearPendingKeyring(dataDir: string): void {
  rmSync(dirOf(dataDir), { recursive: true, force: true });
}

export function writePendingKeyring(dataDir: string, keyring: Keyring, master: Buffer, dataKey: Buffer, cipher: CipherName): void {
  const dir = dirOf(dataDir);
  clearPendingKeyring(dataDir);
  mkdirSync(dir, { mode: 0o700 });
  Keyring.writePortable(dir, keyring.portableJson());
  Keyring.load(dir, null).setDataKey(master, dataKey, cipher);
}

/**
 * Call when the main keyring's key was refused (`store.wrongKey`). Returns the keys that
 * open the store after recording them in the main keyring, or null when there is no
 * interrupted rekey to finish. Throws `store.wrongKey` when the pending key fails too.
 */
export async function finishInterruptedRekey(dataDir: string, storeFile: string, keyring: Keyring, password: string): Promise<UnlockedKeys | null> {
  const dir = dirOf(dataDir);
  if (!existsSync(dir) || !hasPendingKeyring(dataDir)) return null;
  const pending = Keyring.load(dir, null);
  if (pending.storeId !== keyring.storeId) return null;
  const keys = await pending.unlockAny(password);
  proveKey(storeFile, pending.cipher, keys.dataKey);
  keyring.setDataKey(keys.master, keys.dataKey, pending.cipher);
  clearPendingKeyring(dataDir);
  return keys;
}
