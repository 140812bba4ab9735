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
 * DPAPI on Windows, Keychain on macOS, libsecret/kwallet on Linux) over the data key. The
 * core only sees this interface so that it never imports Electron; in the app it is a call
 * over the core's port to the main process, hence async. Linux's `basic_text` backend
 * encrypts with a hard-coded password, so the shell offers no sealer there at all.
 */
export interface OsSealer {
  /** Which keychain seals: 'dpapi', 'keychain', 'gnome_libsecret', 'kwallet5', … (recorded in the keyring). */
  readonly backend: string;
  seal(plain: Buffer): Promise<Buffer>;
  open(sealed: Buffer): Promise<Buffer>;
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

/**
 * Format 2 seals the data key (already wrapped by the master key) with the OS keychain when
 * there is one, and records which keychain did it, so a changed backend is named rather than
 * failing as a wrong password. Format 1 (no OS seal) reads as format 2 with `seal: 'none'`.
 */
const fileSchema = z.object({
  format: z.union([z.literal(1), z.literal(2)]),
  storeId: z.uuid(),
  cipher: z.enum(CIPHERS),
  /** The SQLite data key, sealed by the master key (absent when the OS keychain seals it). */
  dataKey: wrappedSchema.optional(),
  seal: z.enum(['none', 'os']),
  keychain: z.object({ backend: z.string().min(1).max(40), sealedDataKey: z.string().min(1) }).optional(),
  entries: z.array(entrySchema).optional(),
});
type KeyringFile = z.infer<typeof fileSchema>;

interface OsSeal {
  backend: string;
  sealedDataKey: string;
}

interface KeyringState {
  storeId: string;
  cipher: CipherName;
  /** Null until the OS seal has been opened (at the first unlock). */
  dataKey: WrappedKey | null;
  osSeal: OsSeal | null;
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
    /** The keychain the host found even when it is unusable ('basic_text'); undefined outside the app. */
    private readonly foundBackend?: string,
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
    return new Keyring(dir, { storeId, cipher, dataKey: sealWithKey(keys.master, keys.dataKey, dataKeyAad(storeId)), osSeal: null, entries: [] }, sealer);
  }

  static load(dir: string, sealer: OsSealer | null, foundBackend?: string): Keyring {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(Keyring.fileIn(dir), 'utf8'));
    } catch (e) {
      throw new AppError('store.corrupt', { details: { part: 'keyring' }, cause: e });
    }
    const parsed = fileSchema.safeParse(raw);
    if (!parsed.success) throw new AppError('store.corrupt', { details: { part: 'keyring' } });
    const file = parsed.data;
    const osSeal = file.seal === 'os' ? (file.keychain ?? null) : null;
    if (file.seal === 'os' ? !osSeal : !file.dataKey) throw new AppError('store.corrupt', { details: { part: 'keyring' } });
    const state = { storeId: file.storeId, cipher: file.cipher, dataKey: osSeal ? null : (file.dataKey ?? null), osSeal, entries: file.entries ?? [] };
    return new Keyring(dir, state, sealer, foundBackend);
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

  /** Whether the OS keychain seals the data key, and which one. */
  get osBackend(): string | null {
    return this.state.osSeal?.backend ?? null;
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

  private async withDataKey(master: Buffer): Promise<UnlockedKeys> {
    const wrapped = this.state.dataKey ?? (await this.openOsSeal());
    try {
      return { master, dataKey: openWithKey(master, wrapped, dataKeyAad(this.state.storeId)) };
    } catch (e) {
      throw new AppError('store.corrupt', { details: { part: 'keyring' }, cause: e });
    }
  }

  /**
   * Opens the OS seal, after a password was proven. A different or missing keychain is said
   * plainly (`keychain.changed`, with both names), not reported as a wrong password; outside
   * the app (CLI) there is no keychain at all: `store.sealedByOs`.
   */
  private async openOsSeal(): Promise<WrappedKey> {
    const rec = this.state.osSeal;
    if (!rec) throw new AppError('store.corrupt', { details: { part: 'keyring' } });
    if (!this.sealer && this.foundBackend === undefined) throw new AppError('store.sealedByOs');
    if (!this.sealer || this.sealer.backend !== rec.backend) {
      throw new AppError('keychain.changed', { details: { recorded: rec.backend, current: this.sealer?.backend ?? this.foundBackend ?? 'none' } });
    }
    let plain: Buffer;
    try {
      plain = await this.sealer.open(Buffer.from(rec.sealedDataKey, 'base64'));
    } catch (e) {
      throw new AppError(e instanceof AppError ? e.code : 'keychain.unavailable', { cause: e });
    }
    const parsed = wrappedSchema.safeParse(parseJson(plain.toString('utf8')));
    if (!parsed.success) throw new AppError('store.corrupt', { details: { part: 'keyring' } });
    this.state = { ...this.state, dataKey: parsed.data };
    return parsed.data;
  }

  /**
   * Seals the data key with the OS keychain where there is one and it is not sealed yet (a
   * new desk, a keyring restored from a backup, a rekey from the CLI). Call after a password
   * was proven, so the wrapped key in memory is the real one. A new keyring (setup) passes
   * `write: false`: its first password entry writes the file, already sealed.
   */
  async sealWithOs(opts: { write?: boolean } = {}): Promise<void> {
    if (!this.sealer || this.state.osSeal || !this.state.dataKey) return;
    let sealed: Buffer;
    try {
      sealed = await this.sealer.seal(Buffer.from(JSON.stringify(this.state.dataKey), 'utf8'));
    } catch (e) {
      throw new AppError(e instanceof AppError ? e.code : 'keychain.unavailable', { cause: e });
    }
    const next = { ...this.state, osSeal: { backend: this.sealer.backend, sealedDataKey: sealed.toString('base64') } };
    if (opts.write === false) this.state = next;
    else this.commit(next);
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

  /**
   * Records a rekeyed store: its (possibly new) cipher and data key. Entries stay as they are.
   * The OS seal is dropped (rekey runs from the CLI, which has no keychain); the app seals the
   * new key again at the next sign-in (`sealWithOs`).
   */
  setDataKey(master: Buffer, dataKey: Buffer, cipher: CipherName): void {
    this.commit({ ...this.state, cipher, dataKey: sealWithKey(master, dataKey, dataKeyAad(this.state.storeId)), osSeal: null });
  }

  entries(): readonly KeyringEntry[] {
    return this.state.entries;
  }

  /** The keyring as a portable file (never OS-sealed): used in backups. */
  portableJson(): string {
    return JSON.stringify(this.toFile(this.state, true), null, 2);
  }

  /** Writes first, then changes memory: a failed write leaves both as they were. */
  private commit(next: KeyringState): void {
    writeFileAtomic(Keyring.fileIn(this.dir), JSON.stringify(this.toFile(next, false), null, 2));
    this.state = next;
  }

  private toFile(state: KeyringState, portable: boolean): KeyringFile {
    const base = { format: 2 as const, storeId: state.storeId, cipher: state.cipher, entries: [...state.entries] };
    if (state.osSeal && !portable) return { ...base, seal: 'os', keychain: state.osSeal };
    if (!state.dataKey) throw new AppError('keychain.unavailable');
    return { ...base, seal: 'none', dataKey: state.dataKey };
  }

  /** Parses a portable keyring (from a backup) without touching disk. */
  static parsePortable(json: string): KeyringState {
    const file = fileSchema.parse(JSON.parse(json));
    if (file.seal !== 'none' || !file.dataKey) throw new AppError('backup.invalid');
    return { storeId: file.storeId, cipher: file.cipher, dataKey: file.dataKey, osSeal: null, entries: file.entries ?? [] };
  }

  static writePortable(dir: string, json: string): void {
    Keyring.parsePortable(json);
    writeFileAtomic(Keyring.fileIn(dir), json);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const dummyParams: ScryptParams = { name: 'scrypt', N: 2 ** 17, r: 8, p: 1, salt: Buffer.alloc(16).toString('base64') };
const dummyWrapped: WrappedKey = { alg: 'aes-256-gcm', iv: Buffer.alloc(12).toString('base64'), tag: Buffer.alloc(16).toString('base64'), ct: Buffer.alloc(32).toString('base64') };

function pickCost(kdf: ScryptParams | undefined): Partial<ScryptParams> {
  return kdf ? { N: kdf.N, r: kdf.r, p: kdf.p } : {};
}
