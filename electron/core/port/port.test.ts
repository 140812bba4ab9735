import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChromiumPrintService, chromiumPath } from '../../loopback/chromium-print.js';
import type { Result } from '../api/handler.js';
import type { MethodInput, MethodName, MethodOutput } from '../api/types.js';
import { AppError } from '../errors.js';
import { RotatingLog } from '../log/rotating-file.js';
import { samplePatient } from '../testing/patients.js';
import { expectOk, SAMPLE_SETUP, TEST_SCRYPT } from '../testing/desk-fixture.js';
import { CoreClient, CORE_GONE, type HostServices } from './core-client.js';
import { openDeskFromConfig } from './open-desk.js';
import { nodePort } from './port.js';
import type { CoreConfig } from './protocol.js';
import { serveCore } from './serve.js';

/**
 * The utilityProcess protocol under Node: the core served on one end of a real
 * worker_threads MessageChannel (structured clone, as between Electron's processes), the
 * main process's CoreClient on the other. Printing to PDF goes back over the port to a real
 * Chromium; the paper printer and the OS keychain are the outside world we cannot run here,
 * so they are stand-ins named as such.
 */
const browser = chromiumPath();

interface Rig {
  dir: string;
  client: CoreClient;
  channel: MessageChannel;
  log: RotatingLog;
  paperJobs: { printer: string | null; silent: boolean }[];
  paperFailure: { next: Error | null };
  call<K extends MethodName>(session: string, m: K, input: MethodInput<K>): Promise<Result<MethodOutput<K>>>;
}

let rig: Rig;
let chromium: ChromiumPrintService | null = null;

async function startRig(): Promise<Rig> {
  const dir = mkdtempSync(path.join(tmpdir(), 'port-'));
  const channel = new MessageChannel();
  serveCore({ port: nodePort(channel.port1), open: (config, host, log) => openDeskFromConfig(config, host, log, { scryptCost: TEST_SCRYPT, sync: undefined }) });
  const secret = randomBytes(32);
  const xor = async ({ data }: { data: Uint8Array }) => ({ data: Uint8Array.from(data, (x, i) => x ^ secret[i % 32]!) });
  const paperJobs: Rig['paperJobs'] = [];
  const paperFailure: Rig['paperFailure'] = { next: null };
  const log = new RotatingLog({ dir: path.join(dir, 'logs'), maxBytes: 4096, keep: 3 });
  const host: HostServices = {
    'print.pdf': async ({ html }) => {
      if (!chromium) throw new AppError('print.unavailable');
      return { pdf: new Uint8Array(await chromium.toPdf(html)) };
    },
    // Stand-in for the office printer: records the job, or fails the way a driver reports it.
    'print.paper': async ({ printer, silent }) => {
      const failure = paperFailure.next;
      paperFailure.next = null;
      if (failure) throw failure;
      paperJobs.push({ printer, silent });
      return { outcome: 'printed' };
    },
    'print.printers': async () => ({ printers: [{ name: 'HP_LaserJet_Desk', displayName: 'HP LaserJet (desk)', state: 'ready' }] }),
    // Stand-in for Electron's safeStorage: XOR with a per-run secret.
    'keychain.seal': xor,
    'keychain.open': xor,
  };
  const client = new CoreClient({ port: nodePort(channel.port2), host, onLog: (level, event, fields) => log.log(level, event, fields) });
  const config: CoreConfig = { dataDir: path.join(dir, 'data'), resourcesDir: path.resolve('resources'), keychain: { backend: 'test-keychain', usable: true }, paper: true };
  await client.start(config);
  return {
    dir,
    client,
    channel,
    log,
    paperJobs,
    paperFailure,
    call: (session, m, input) => client.call(session, m, input) as Promise<Result<MethodOutput<typeof m>>>,
  };
}

async function signInReceptionist(r: Rig, session: string): Promise<void> {
  expectOk(await r.call('admin-window', 'setup.run', SAMPLE_SETUP));
  expectOk(await r.call('admin-window', 'staff.create', { login: 'rec', fullName: 'Әлия Қасымова', role: 'receptionist', temporaryPassword: 'temporary-pass-1' }));
  expectOk(await r.call(session, 'auth.login', { login: 'rec', password: 'temporary-pass-1' }));
  expectOk(await r.call(session, 'auth.changePassword', { current: 'temporary-pass-1', next: 'receptionist-pw-1' }));
}

beforeEach(async () => {
  if (browser && !chromium) chromium = new ChromiumPrintService(browser);
  rig = await startRig();
});

afterEach(async () => {
  await rig.client.shutdown();
  rig.channel.port1.close();
  rig.channel.port2.close();
  rmSync(rig.dir, { recursive: true, force: true });
});

// Chromium and scrypt on a shared 2-core machine: generous limits, the steps themselves are quick.
describe('the core over a MessagePort', { timeout: 120_000 }, () => {
  it.skipIf(!browser)('registers a patient and captures consent; the PDF comes from the host, the paper goes to the remembered printer', async () => {
    await signInReceptionist(rig, 'w1');
    const patient = expectOk(await rig.call('w1', 'patient.create', { patient: samplePatient() }));
    const { purposes } = expectOk(await rig.call('w1', 'consent.purposes', {}));
    const prepared = expectOk(
      await rig.call('w1', 'consent.prepare', { patientId: patient.id, language: 'kk+ru', purposes: purposes.map((p) => ({ id: p.id, chosen: true })), signer: { kind: 'subject' } }),
    );
    expect(Buffer.from(prepared.pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');

    const setup = expectOk(await rig.call('w1', 'print.setup', {}));
    expect(setup).toMatchObject({ paper: true, printers: [{ name: 'HP_LaserJet_Desk', state: 'ready' }], printersError: null });
    expectOk(await rig.call('w1', 'print.setPreference', { formType: 'consent', printer: 'HP_LaserJet_Desk', silent: true }));
    expect(expectOk(await rig.call('w1', 'consent.printPaper', { consentId: prepared.consent.id }))).toEqual({ ok: true, outcome: 'printed' });
    expect(rig.paperJobs).toEqual([{ printer: 'HP_LaserJet_Desk', silent: true }]);

    // The printer is offline: a clear code, nothing recorded; printed again later from the card.
    rig.paperFailure.next = new AppError('print.printerOffline');
    const failed = await rig.call('w1', 'consent.printPaper', { consentId: prepared.consent.id });
    expect(!failed.ok && failed.error.code).toBe('print.printerOffline');
    // A host failure that is not ours becomes print.failed, and the log names only the operation.
    rig.paperFailure.next = new Error('spooler said something about Нұрланова 880315400010');
    const odd = await rig.call('w1', 'consent.printPaper', { consentId: prepared.consent.id });
    expect(!odd.ok && odd.error.code).toBe('print.failed');
    expectOk(await rig.call('w1', 'consent.printPaper', { consentId: prepared.consent.id }));
    expect(rig.paperJobs).toHaveLength(2);
    expectOk(await rig.call('w1', 'consent.sign', { consentId: prepared.consent.id, signature: { kind: 'paper' } }));

    // After the whole run the log holds events, and none of the patient's data.
    rig.channel.port2.postMessage({ type: 'call', id: 'not a number' });
    rig.client.lockAll('os-lock');
    await rig.call('w1', 'auth.status', {});
    const logs = rig.log.files().map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(logs).toContain('host.failed');
    expect(logs).toContain('port.badMessage');
    for (const secret of ['Нұрланова', 'Әйгерім', '880315400010', '234-56-78', '7012345678', 'aigerim@example.kz', 'Жандосова', 'Әлия']) expect(logs).not.toContain(secret);
  });

  it('keeps one session per window, and locks every signed-in window when the OS locks or suspends', async () => {
    await signInReceptionist(rig, 'w1');
    expectOk(await rig.call('w2', 'auth.login', { login: 'admin', password: SAMPLE_SETUP.admin.password }));
    expect(expectOk(await rig.call('w3', 'auth.status', {}))).toEqual({ signedIn: false });
    rig.client.lockAll('suspend');
    for (const w of ['w1', 'w2']) expect(expectOk(await rig.call(w, 'auth.status', {}))).toMatchObject({ signedIn: true, locked: true });
    const refused = await rig.call('w1', 'patient.search', { query: 'Нұр' });
    expect(!refused.ok && refused.error.code).toBe('auth.locked');
    expectOk(await rig.call('w1', 'auth.unlock', { password: 'receptionist-pw-1' }));
    expect(expectOk(await rig.call('w2', 'auth.status', {}))).toMatchObject({ locked: true });
    rig.client.endSession('w1');
    expect(expectOk(await rig.call('w1', 'auth.status', {}))).toEqual({ signedIn: false });
  });

  it('seals the data key through the host keychain and records its name', async () => {
    await signInReceptionist(rig, 'w1');
    const keyring = JSON.parse(readFileSync(path.join(rig.dir, 'data', 'keyring.json'), 'utf8')) as Record<string, unknown>;
    expect(keyring).toMatchObject({ format: 2, seal: 'os', keychain: { backend: 'test-keychain' } });
  });

  it('answers an unknown method and a bad payload with codes, and nothing a peer sends throws', async () => {
    expect(await rig.call('w1', 'constructor' as MethodName, {})).toMatchObject({ ok: false, error: { code: 'unknownMethod' } });
    rig.channel.port2.postMessage('garbage');
    rig.channel.port2.postMessage({ type: 'hostReply', id: 999, reply: { ok: true, value: { pdf: 'not bytes' } } });
    rig.channel.port2.postMessage({ type: 'lockAll', reason: 'because' });
    const r = await rig.call('w1', 'setup.run', { ...SAMPLE_SETUP, branch: { code: '', name: '', address: '' } });
    expect(!r.ok && r.error.code).toBe('validation');
    expect(expectOk(await rig.call('w1', 'app.info', {}))).toMatchObject({ setupDone: false });
  });

  it('refuses a host call whose arguments do not parse, and never runs the service', async () => {
    const channel = new MessageChannel();
    let ran = false;
    const never = async (): Promise<never> => {
      ran = true;
      throw new Error('should not run');
    };
    const host: HostServices = { 'print.pdf': never, 'print.paper': never, 'print.printers': never, 'keychain.seal': never, 'keychain.open': never };
    new CoreClient({ port: nodePort(channel.port2), host, onLog: () => undefined });
    const reply = new Promise<unknown>((resolve) => channel.port1.once('message', resolve));
    channel.port1.postMessage({ type: 'hostCall', id: 7, op: 'print.paper', args: { html: '<p>x</p>', printer: 42, silent: 'yes' } });
    expect(await reply).toEqual({ type: 'hostReply', id: 7, reply: { ok: false, code: 'validation' } });
    expect(ran).toBe(false);
    channel.port1.close();
  });

  it('resolves calls in flight as disconnected when the core process goes away', async () => {
    const channel = new MessageChannel();
    const host = {} as HostServices;
    const client = new CoreClient({ port: nodePort(channel.port2), host, onLog: () => undefined });
    const pending = client.call('w1', 'app.info', {});
    channel.port1.close();
    expect(await pending).toEqual(CORE_GONE);
    expect(await client.call('w1', 'app.info', {})).toEqual(CORE_GONE);
  });
});

afterAll(async () => {
  await chromium?.close();
});
