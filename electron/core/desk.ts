import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { AuditLog } from './audit/log.js';
import { readBranch, readSettings, writeBranch, writeOperator, writeSettings, type Branch, type Operator } from './branch/branch-repo.js';
import { systemClock, type Clock } from './clock.js';
import { AppError } from './errors.js';
import { Keyring, type OsSealer, type UnlockedKeys } from './keys/keyring.js';
import { consoleLogger, type Logger } from './log/logger.js';
import { LoginThrottle } from './keys/throttle.js';
import { clearPendingKeyring, finishInterruptedRekey, hasPendingKeyring } from './maintenance/rekey-pending.js';
import { writePrefs, type Language } from './prefs.js';
import type { SessionStaff } from './session.js';
import { DATA_KEY_BYTES, DEFAULT_CIPHER, openStore, type CipherName, type Db } from './store/database.js';
import { StaffWriter } from './staff/staff-repo.js';
import { PatientWriter } from './patients/patient-writer.js';
import { ConsentService } from './consent/consent-service.js';
import type { PrintService } from './print/service.js';
import { PrintPreferences } from './print/preferences.js';
import type { SyncFactory, SyncService } from './sync/service.js';
import type { Role } from './staff/roles.js';

export const STORE_FILE = 'store.db';

export interface DeskOptions {
  dataDir: string;
  /** Where `resources/` lives (locales, consent texts, fonts). */
  resourcesDir: string;
  clock?: Clock;
  /** The OS keychain seal (Electron safeStorage), or null where there is no real keychain. */
  sealer?: OsSealer | null;
  /** The keychain the app's host found, even an unusable one ('basic_text'); unset outside the app (CLI, harness). */
  keychainBackend?: string;
  /** Where the bundled worker files are (the Electron build); from source they are found beside their modules. */
  workers?: { vacuum?: string };
  /** Where events go; the app's core process sends them to the main process's rotating log. */
  log?: Logger;
  /** A native SQLite addon built for Electron's ABI. */
  nativeBinding?: string;
  /** scrypt cost for new password entries; tests lower it, production keeps the default. */
  scryptCost?: { N: number; r: number; p: number };
  /** Renders printed forms to PDF (Electron's printToPDF, or Chromium via Playwright in the harness). */
  print?: PrintService | null;
  /** Background sync, started when the store opens and stopped on close (`createSyncService`); none when absent (CLI, tests). */
  sync?: SyncFactory;
}

export interface SetupInput {
  branch: Branch;
  operator: Operator;
  admin: { login: string; fullName: string; password: string };
  language: Language;
}

/** The open store and what hangs off it. Exists only after someone proved a password. */
export interface OpenedStore {
  db: Db;
  audit: AuditLog;
  staff: StaffWriter;
  patients: PatientWriter;
  consents: ConsentService;
  printPrefs: PrintPreferences;
  sync: SyncService | null;
  keyring: Keyring;
  /** Held in memory while the app runs, so background sync continues while the desk is locked. */
  keys: UnlockedKeys;
  cipher: CipherName;
}

/**
 * The desk's core: owns the data folder, opens the encrypted store once a password has been
 * proven, and offers the operations the API handlers call. One instance per process; no
 * module-level state, so tests run many side by side.
 */
export class DeskCore {
  readonly dataDir: string;
  readonly resourcesDir: string;
  readonly clock: Clock;
  private readonly sealer: OsSealer | null;
  private readonly keychainBackend: string | undefined;
  readonly nativeBinding: string | undefined;
  readonly workers: { vacuum?: string };
  readonly log: Logger;
  readonly scryptCost: { N: number; r: number; p: number } | undefined;
  readonly print: PrintService | null;
  private readonly syncFactory: SyncFactory | undefined;
  private opened: OpenedStore | null = null;
  private readonly throttle: LoginThrottle;

  constructor(opts: DeskOptions) {
    this.dataDir = path.resolve(opts.dataDir);
    this.resourcesDir = opts.resourcesDir;
    this.clock = opts.clock ?? systemClock;
    this.sealer = opts.sealer ?? null;
    this.keychainBackend = opts.keychainBackend;
    this.nativeBinding = opts.nativeBinding;
    this.workers = opts.workers ?? {};
    this.log = opts.log ?? consoleLogger;
    this.scryptCost = opts.scryptCost;
    this.print = opts.print ?? null;
    this.syncFactory = opts.sync;
    this.throttle = new LoginThrottle(this.clock);
  }

  get storeFile(): string {
    return path.join(this.dataDir, STORE_FILE);
  }

  isSetUp(): boolean {
    return Keyring.exists(this.dataDir);
  }

  isOpen(): boolean {
    return this.opened !== null;
  }

  /** The open store, for handlers that run behind a signed-in session. */
  store(): OpenedStore {
    if (!this.opened) throw new AppError(this.isSetUp() ? 'auth.required' : 'setup.notDone');
    return this.opened;
  }

  nowIso(): string {
    return this.clock.now().toISOString();
  }

  /** First-run setup: the branch, the operator, the first admin. */
  async setup(input: SetupInput): Promise<SessionStaff> {
    if (this.isSetUp()) throw new AppError('setup.alreadyDone');
    mkdirSync(this.dataDir, { recursive: true, mode: 0o700 });
    if (existsSync(this.storeFile)) {
      // A store without its keyring is unreadable; refuse rather than overwrite it, since it
      // may be real data whose keyring can still be restored from a backup.
      throw new AppError('store.exists');
    }
    const keys: UnlockedKeys = { master: randomBytes(32), dataKey: randomBytes(DATA_KEY_BYTES) };
    const keyring = Keyring.create(this.dataDir, DEFAULT_CIPHER, this.sealer, keys);
    const db = openStore({ file: this.storeFile, key: keys.dataKey, cipher: DEFAULT_CIPHER, ...this.bindingOpt() });
    const at = this.nowIso();
    const adminId = randomUUID();
    try {
      const staff = new StaffWriter(db);
      const audit = new AuditLog(db, this.clock, () => input.branch.code);
      db.transaction(() => {
        const meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
        meta.run('store.id', keyring.storeId);
        meta.run('store.cipher', DEFAULT_CIPHER);
        meta.run('store.createdAt', at);
        writeBranch(db, input.branch, at);
        writeOperator(db, input.operator, at);
        writeSettings(db, readSettings(db));
        staff.insert({
          id: adminId,
          login: input.admin.login,
          fullName: input.admin.fullName,
          role: 'admin',
          active: true,
          mustChangePassword: false,
          createdAt: at,
          updatedAt: at,
        });
        audit.append({ action: 'setup.completed', staffId: adminId, entityType: 'branch', entityId: input.branch.code });
        audit.append({ action: 'staff.created', staffId: adminId, entityType: 'staff', entityId: adminId, details: { role: 'admin' } });
      })();
      // The keyring is written last: its presence is what marks setup as done.
      await this.trySealWithOs(keyring, false);
      await keyring.setPassword(input.admin.login, keys.master, input.admin.password, this.scryptCost);
      writePrefs(this.dataDir, { language: input.language });
      this.opened = this.makeOpened(db, keyring, keys, DEFAULT_CIPHER);
      this.opened.sync?.start();
    } catch (e) {
      db.close();
      for (const suffix of ['', '-wal', '-shm']) rmSync(this.storeFile + suffix, { force: true });
      throw e;
    }
    return { id: adminId, login: input.admin.login, fullName: input.admin.fullName, role: 'admin', mustChangePassword: false };
  }

  /**
   * Proves a password and returns the staff member. Opens the store on the first success
   * since the process started. Wrong login and wrong password are one error, and repeated
   * failures slow down.
   */
  async signIn(login: string, password: string): Promise<SessionStaff> {
    if (!this.isSetUp()) throw new AppError('setup.notDone');
    this.throttle.check(login);
    const keyring = this.opened?.keyring ?? Keyring.load(this.dataDir, this.sealer, this.keychainBackend);
    let keys: UnlockedKeys;
    try {
      keys = await keyring.unlock(login, password);
    } catch (e) {
      this.throttle.fail(login);
      if (this.opened && e instanceof AppError && e.code === 'auth.wrongCredentials') {
        this.opened.audit.append({ action: 'auth.loginFailed', staffId: null, details: { reason: 'credentials' } });
      }
      throw e;
    }
    const opened = await this.openOrRecover(keyring, keys, password);
    // A keyring restored from a backup or rekeyed from the CLI gets the keychain's seal back.
    await this.trySealWithOs(keyring, true);
    const staff = opened.staff.byLogin(login);
    if (!staff) throw new AppError('auth.wrongCredentials');
    if (!staff.active) {
      opened.audit.append({ action: 'auth.loginFailed', staffId: staff.id, details: { reason: 'inactive' } });
      throw new AppError('auth.staffInactive');
    }
    this.throttle.succeed(login);
    opened.audit.append({ action: 'auth.login', staffId: staff.id, entityType: 'staff', entityId: staff.id });
    return { id: staff.id, login: staff.login, fullName: staff.fullName, role: staff.role, mustChangePassword: staff.mustChangePassword };
  }

  /** Proves that `password` belongs to `login` without changing the session (unlock). */
  async verifyPassword(login: string, password: string): Promise<void> {
    this.throttle.check(login);
    try {
      await this.store().keyring.unlock(login, password);
      this.throttle.succeed(login);
    } catch (e) {
      this.throttle.fail(login);
      throw e;
    }
  }

  async setStaffPassword(login: string, password: string): Promise<void> {
    const { keyring, keys } = this.store();
    await keyring.setPassword(login, keys.master, password, this.scryptCost);
  }

  removeStaffKey(login: string): void {
    this.store().keyring.remove(login);
  }

  branch(): Branch {
    const b = readBranch(this.store().db);
    if (!b) throw new AppError('setup.notDone');
    return b;
  }

  idleLockMs(): number {
    return readSettings(this.store().db).idleLockMinutes * 60_000;
  }

  close(): void {
    // Sync first: it aborts its request in flight and never touches the store afterwards.
    void this.opened?.sync?.stop();
    this.opened?.db.close();
    this.opened = null;
  }

  /**
   * Opens the store; if the keyring's key is refused because a rekey was cut off between
   * SQLite switching keys and the keyring recording it, finishes that rekey from the pending
   * copy (see maintenance/rekey-pending.ts) instead of locking everyone out.
   */
  private async openOrRecover(keyring: Keyring, keys: UnlockedKeys, password: string): Promise<OpenedStore> {
    try {
      const opened = this.openWith(keyring, keys);
      if (hasPendingKeyring(this.dataDir)) clearPendingKeyring(this.dataDir);
      return opened;
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'store.wrongKey')) throw e;
      const recovered = await finishInterruptedRekey(this.dataDir, this.storeFile, keyring, password);
      if (!recovered) throw e;
      return this.openWith(keyring, recovered);
    }
  }

  private openWith(keyring: Keyring, keys: UnlockedKeys): OpenedStore {
    if (this.opened) {
      if (!timingSafeEqual(this.opened.keys.dataKey, keys.dataKey)) throw new AppError('store.corrupt', { details: { part: 'keyring' } });
      return this.opened;
    }
    const db = openStore({ file: this.storeFile, key: keys.dataKey, cipher: keyring.cipher, ...this.bindingOpt() });
    this.opened = this.makeOpened(db, keyring, keys, keyring.cipher);
    this.opened.sync?.start();
    return this.opened;
  }

  private makeOpened(db: Db, keyring: Keyring, keys: UnlockedKeys, cipher: CipherName): OpenedStore {
    const branchCode = () => readBranch(db)?.code ?? '-';
    const audit = new AuditLog(db, this.clock, branchCode);
    const staff = new StaffWriter(db);
    const patients = new PatientWriter(db, audit);
    const consents = new ConsentService({
      db,
      audit,
      patients,
      clock: this.clock,
      resourcesDir: this.resourcesDir,
      print: this.print,
      staffName: (id) => (id ? (staff.byId(id)?.fullName ?? '') : ''),
    });
    const sync = this.syncFactory?.({ db, audit, patients, consents, clock: this.clock, branchCode }) ?? null;
    return { db, keyring, keys, cipher, audit, staff, patients, consents, sync, printPrefs: new PrintPreferences(db, audit) };
  }

  /**
   * The keychain's seal is a second layer over the password wrap: if the keychain refuses to
   * seal (locked, dismissed prompt), the desk still sets up or signs in on the password wrap
   * alone, says so in the log, and tries again at the next sign-in.
   */
  private async trySealWithOs(keyring: Keyring, write: boolean): Promise<void> {
    try {
      await keyring.sealWithOs({ write });
    } catch (e) {
      this.log.log('warn', 'keychain.sealFailed', { code: e instanceof AppError ? e.code : 'internal' });
    }
  }

  private bindingOpt(): { nativeBinding?: string } {
    return this.nativeBinding ? { nativeBinding: this.nativeBinding } : {};
  }

  /** Used by rekey: swaps the open connection for one opened with new keys. */
  replaceOpened(next: OpenedStore): void {
    this.opened = next;
  }

  reopen(keyring: Keyring, keys: UnlockedKeys): OpenedStore {
    this.close();
    return this.openWith(keyring, keys);
  }
}

export type { Role };
