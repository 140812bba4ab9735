/**
 * Which OS keychain seals the data key, decided from what Electron's safeStorage reports.
 * No Electron import here, so the rules are tested under Node.
 */
export interface KeychainStatus {
  /** Recorded in the keyring: 'dpapi', 'keychain', or the Linux backend's name. */
  backend: string;
  /** False where safeStorage would not really protect anything. */
  usable: boolean;
}

export function keychainStatus(platform: NodeJS.Platform, encryptionAvailable: boolean, linuxBackend: string | null): KeychainStatus {
  const backend = platform === 'win32' ? 'dpapi' : platform === 'darwin' ? 'keychain' : (linuxBackend ?? 'unknown');
  // basic_text encrypts with a hard-coded password: no keychain at all, the password wrap alone.
  // 'unknown' means safeStorage was asked before the app was ready: never trust that either.
  const usable = encryptionAvailable && backend !== 'basic_text' && backend !== 'unknown';
  return { backend, usable };
}
