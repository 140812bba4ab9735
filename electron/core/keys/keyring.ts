import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { CIPHERS, type CipherName } from '../store/database.js';
import { writeFileAtomic } from '../util/atomic-file.js';
import { newScryptParams, openWithKey, sealWithKey, unwrapKey, wrapKey, type ScryptParams, type WrappedKey } from './wrap.js';

/**
 * A second, outer seal from the operating system's keychain (Electron's safeStorage:
 * DPAPI on Windows, Keychain on macOS, libsecret/kwallet on Linux). The core only sees this
 * interface so that it never imports Electron. Linux's `basic_text` backend encrypts with a
 * hard-coded password, so the shell does not offer a sealer there at all.
 */
export interface OsSealer {
  readonly name: string;
  seal(plain: Buffer): Buffer;
  open(sealed: Buffer): Buffer;
}

const scryptParamsSchema = z.object({
  name: z.literal('scrypt'),
  N: z.number().int().min(2 ** 14).max(2 ** 22),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  salt: z.string().min(16),
});

const wrappedSchema = z.object({
  alg: z.literal('aes-256-gcm'),
  iv: z.string(),
  tag: z.string(),
  ct: z.string(),
});

const entrySchema = z.object({
  id: z.string().regex(/^[0-9a-f]{64}$/),
  kdf: scryptParamsSchema,
  wrapped: wrappedSchema,
  createdAt: z.string(),
});
export type KeyringEntry = z.infer<typeof entrySchema>;

const fileSchema = z.object({
  format: z.literal(1),
  storeId: z.uuid(),
  cipher: z.enum(CIPHERS),
  /** The SQLite data key, sealed by the master key. */
  dataKey: wrappedSchema,
  seal: z.enum(['none', 'os']),
  entries: z.array(entrySchema).optional(),
  sealedEntries: z.string().optional(),
});
type KeyringFile = z.infer<typeof fileSchema>;

interface KeyringState {
  storeId: string;
  cipher: CipherName;
  dataKey: WrappedKey;
  entries: readonly KeyringEntry[];
}

/**
 * Envelope keys: each staff password unwraps the master key; the master key unwraps the
 * data key that SQLite encrypts pages with. So `admin rekey` can replace the data key
 * without knowing every staff member's password, and a password change touches one entry.
 */
export interface UnlockedKeys {
  master: Buffer;
  dataKey: Buffer;
}

export const KEYRING_FILE = 'keyring.json';

/**
 * Logins are not written here in the clear: an entry is found by a hash of the store id and
 * the lower-cased login. The staff table inside the encrypted store holds the real names.
 */
export function entryIdFor(storeId: string, login: string): string {
  return createHash('sha256').update(`aimedlab-keyring\n${storeId}\n${login.normalize('NFC').toLowerCase()}`).digest('hex');
}

function dataKeyAad(storeId: string): string {
  return `${storeId}:data-key`;
}

function aadFor(storeId: string, entryId: string): string {
  // Binds a wrapped key to its store and entry: copying one entry over another fails to open.
  return `${storeId}:${entryId}`;
}

export class Keyring {
  private constructor(
    readonly dir: string,
    private state: KeyringState,
    private readonly sealer: OsSealer | null,
  ) {}

  static fileIn(dir: string): string {
    return path.join(dir, KEYRING_FILE);
  }

  static exists(dir: string): boolean {
    return existsSync(Keyring.fileIn(dir));
  }

  /** A new keyring in memory; the first `setPassword` writes it. */
  static create(dir: string, cipher: CipherName, sealer: OsSealer | null, keys: UnlockedKeys): Keyring {
    const storeId = randomUUID();
    return new Keyring(dir, { storeId, cipher, dataKey: sealWithKey(keys.master, keys.dataKey, dataKeyAad(storeId)), entries: [] }, sealer);
  }

  static load(dir: string, sealer: OsSealer | null): Keyring {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(Keyring.fileIn(dir), 'utf8'));
    } catch (e) {
      throw new AppError('store.corrupt', { details: { part: 'keyring' }, cause: e });
    }
    const parsed = fileSchema.safeParse(raw);
    if (!parsed.success) throw new AppError('store.corrupt', { details: { part: 'keyring' } });
    const file = parsed.data;
    let entries: KeyringEntry[];
    if (file.seal === 'os') {
      if (!sealer) throw new AppError('store.sealedByOs');
      const opened = sealer.open(Buffer.from(file.sealedEntries ?? '', 'base64')).toString('utf8');
      entries = z.array(entrySchema).parse(JSON.parse(opened));
    } else {
      entries = file.entries ?? [];
    }
    return new Keyring(dir, { storeId: file.storeId, cipher: file.cipher, dataKey: file.dataKey, entries }, sealer);
  }

  get storeId(): string {
    return this.state.storeId;
  }

  get cipher(): CipherName {
    return this.state.cipher;
  }

  get size(): number {
    return this.state.entries.length;
  }

  get sealedByOs(): boolean {
    return this.sealer !== null;
  }

  has(login: string): boolean {
    return this.find(login) !== undefined;
  }

  private find(login: string): KeyringEntry | undefined {
    const id = entryIdFor(this.state.storeId, login);
    return this.state.entries.find((e) => e.id === id);
  }

  /** Unwraps the keys with a staff member's password. */
  async unlock(login: string, password: string): Promise<UnlockedKeys> {
    const entry = this.find(login);
    if (!entry) {
      // Spend the same scrypt time as a real attempt, so timing does not reveal which logins exist.
      await unwrapKey(dummyWrapped, password, { ...dummyParams, ...pickCost(this.state.entries[0]?.kdf) }, 'none').catch(() => undefined);
      throw new AppError('auth.wrongCredentials');
    }
    return this.withDataKey(await unwrapKey(entry.wrapped, password, entry.kdf, aadFor(this.state.storeId, entry.id)));
  }

  private withDataKey(master: Buffer): UnlockedKeys {
    try {
      return { master, dataKey: openWithKey(master, this.state.dataKey, dataKeyAad(this.state.storeId)) };
    } catch (e) {
      throw new AppError('store.corrupt', { details: { part: 'keyring' }, cause: e });
    }
  }

  /** Tries a password against every entry: the CLI accepts a password without a login. */
  async unlockAny(password: string): Promise<UnlockedKeys> {
    for (const entry of this.state.entries) {
      let master: Buffer;
      try {
        master = await unwrapKey(entry.wrapped, password, entry.kdf, aadFor(this.state.storeId, entry.id));
      } catch {
        continue;
      }
      return this.withDataKey(master);
    }
    throw new AppError('auth.wrongCredentials');
  }

  /** Adds or replaces the entry for a login (new staff, password change, admin reset). */
  async setPassword(login: string, master: Buffer, password: string, cost?: { N: number; r: number; p: number }): Promise<void> {
    const id = entryIdFor(this.state.storeId, login);
    const kdf: ScryptParams = newScryptParams(cost);
    const wrapped = await wrapKey(master, password, kdf, aadFor(this.state.storeId, id));
    const entry: KeyringEntry = { id, kdf, wrapped, createdAt: new Date().toISOString() };
    const entries = [...this.state.entries.filter((e) => e.id !== id), entry];
    this.commit({ ...this.state, entries });
  }

  remove(login: string): void {
    const id = entryIdFor(this.state.storeId, login);
    this.commit({ ...this.state, entries: this.state.entries.filter((e) => e.id !== id) });
  }

  /** Records a rekeyed store: its (possibly new) cipher and data key. Entries stay as they are. */
  setDataKey(master: Buffer, dataKey: Buffer, cipher: CipherName): void {
    this.commit({ ...this.state, cipher, dataKey: sealWithKey(master, dataKey, dataKeyAad(this.state.storeId)) });
  }

  entries(): readonly KeyringEntry[] {
    return this.state.entries;
  }

  /** The keyring as a portable file (never OS-sealed): used in backups. */
  portableJson(): string {
    return JSON.stringify(this.toFile(this.state, null), null, 2);
  }

  /** Writes first, then changes memory: a failed write leaves both as they were. */
  private commit(next: KeyringState): void {
    writeFileAtomic(Keyring.fileIn(this.dir), JSON.stringify(this.toFile(next, this.sealer), null, 2));
    this.state = next;
  }

  private toFile(state: KeyringState, sealer: OsSealer | null): KeyringFile {
    const base = { format: 1 as const, storeId: state.storeId, cipher: state.cipher, dataKey: state.dataKey };
    if (!sealer) return { ...base, seal: 'none', entries: [...state.entries] };
    return { ...base, seal: 'os', sealedEntries: sealer.seal(Buffer.from(JSON.stringify(state.entries), 'utf8')).toString('base64') };
  }

  /** Parses a portable keyring (from a backup) without touching disk. */
  static parsePortable(json: string): KeyringState {
    const file = fileSchema.parse(JSON.parse(json));
    if (file.seal !== 'none') throw new AppError('backup.invalid');
    return { storeId: file.storeId, cipher: file.cipher, dataKey: file.dataKey, entries: file.entries ?? [] };
  }

  static writePortable(dir: string, json: string): void {
    Keyring.parsePortable(json);
    writeFileAtomic(Keyring.fileIn(dir), json);
  }
}

const dummyParams: ScryptParams = { name: 'scrypt', N: 2 ** 17, r: 8, p: 1, salt: Buffer.alloc(16).toString('base64') };
const dummyWrapped: WrappedKey = { alg: 'aes-256-gcm', iv: Buffer.alloc(12).toString('base64'), tag: Buffer.alloc(16).toString('base64'), ct: Buffer.alloc(32).toString('base64') };

function pickCost(kdf: ScryptParams | undefined): Partial<ScryptParams> {
  return kdf ? { N: kdf.N, r: kdf.r, p: kdf.p } : {};
}
