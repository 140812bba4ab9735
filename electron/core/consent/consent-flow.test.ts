import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { ChromiumPrintService, chromiumPath } from '../../loopback/chromium-print.js';
import { DeskCore } from '../desk.js';
import { ManualClock } from '../clock.js';
import { dispatch } from '../api/dispatch.js';
import type { Result } from '../api/handler.js';
import type { MethodInput, MethodName, MethodOutput } from '../api/types.js';
import { Session } from '../session.js';
import { expectOk, SAMPLE_SETUP, TEST_SCRYPT } from '../testing/desk-fixture.js';
import { samplePatient } from '../testing/patients.js';

/**
 * Consent end to end in the core, with real PDFs from Chromium's print engine and the text
 * read back with poppler's pdftotext. Skips (saying why) where Chromium or pdftotext is missing.
 */
const browser = chromiumPath();
const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const KAZAKH_LETTERS = ['Ә', 'ә', 'Ғ', 'ғ', 'Қ', 'қ', 'Ң', 'ң', 'Ө', 'ө', 'Ұ', 'ұ', 'Ү', 'ү', 'Һ', 'һ', 'І', 'і'];

let print: ChromiumPrintService;
let dir: string;
let desk: DeskCore;
let session: Session;
const call = <K extends MethodName>(m: K, input: MethodInput<K>) => dispatch({ desk, session, transport: 'test' }, m, input) as Promise<Result<MethodOutput<K>>>;

function pdfText(b64: string): string {
  const file = path.join(dir, `${createHash('sha1').update(b64).digest('hex')}.pdf`);
  writeFileSync(file, Buffer.from(b64, 'base64'));
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

describe.skipIf(!browser || !hasPdftotext)(`consent with printed PDFs${!browser ? ' (skipped: no Chromium at /usr/bin/chromium or CHROMIUM_PATH)' : !hasPdftotext ? ' (skipped: pdftotext missing; apt-get install poppler-utils)' : ''}`, () => {
  beforeAll(() => {
    print = new ChromiumPrintService(browser!);
  });
  afterAll(async () => {
    await print?.close();
  });
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'consent-'));
    desk = new DeskCore({ dataDir: dir, resourcesDir: path.resolve('resources'), clock: new ManualClock('2026-11-25T06:00:00Z'), scryptCost: TEST_SCRYPT, print });
    session = new Session();
    expectOk(await call('setup.run', SAMPLE_SETUP));
    expectOk(await call('staff.create', { login: 'rec', fullName: 'Әлия Қасымова', role: 'receptionist', temporaryPassword: 'temporary-pass-1' }));
    session = new Session();
    expectOk(await call('auth.login', { login: 'rec', password: 'temporary-pass-1' }));
    expectOk(await call('auth.changePassword', { current: 'temporary-pass-1', next: 'receptionist-pw-1' }));
  });
  afterEach(() => {
    desk.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const allPurposes = async (optional: boolean) => {
    const { purposes } = expectOk(await call('consent.purposes', {}));
    return purposes.map((p) => ({ id: p.id, chosen: p.required || optional }));
  };

  it.each(['kk', 'ru', 'kk+ru'] as const)('prints a %s consent naming the patient, IIN, operator BIN and every Kazakh letter', async (language) => {
    const patient = expectOk(await call('patient.create', { patient: samplePatient() }));
    const { consent, pdfBase64 } = expectOk(await call('consent.prepare', { patientId: patient.id, language, purposes: await allPurposes(true), signer: { kind: 'subject' } }));
    expect(consent.state).toBe('pending-signature');
    const text = pdfText(pdfBase64);
    expect(text).toContain('Нұрланова');
    expect(text).toContain('880315400010');
    expect(text).toContain('160440012346');
    expect(text).toContain(consent.number);
    if (language !== 'ru') for (const letter of KAZAKH_LETTERS) expect(text, `letter ${letter}`).toContain(letter);
    if (language !== 'kk') expect(text).toContain('Трансграничная передача персональных данных не осуществляется');
    // The stored PDF is the printed one, byte for byte, and matches its recorded hash.
    const again = expectOk(await call('consent.reprint', { consentId: consent.id }));
    expect(again.pdfBase64).toBe(pdfBase64);
    expect(createHash('sha256').update(Buffer.from(pdfBase64, 'base64')).digest('hex')).toBe(consent.pdfSha256);
    expect(again.sha256).toBe(consent.pdfSha256);
  });

  it('blocks the visit until signed, then withdraws: notifications off, patient blocked, a task for the manager', async () => {
    const patient = expectOk(await call('patient.create', { patient: samplePatient() }));
    expect(expectOk(await call('visit.check', { patientId: patient.id }))).toMatchObject({ allowed: false, reason: 'visit.noConsent' });
    const { consent } = expectOk(await call('consent.prepare', { patientId: patient.id, language: 'ru', purposes: await allPurposes(true), signer: { kind: 'subject' } }));
    expect(expectOk(await call('visit.check', { patientId: patient.id }))).toMatchObject({ allowed: false, reason: 'visit.pendingSignature' });
    const signed = expectOk(await call('consent.sign', { consentId: consent.id, signature: { kind: 'paper' } }));
    expect(signed.state).toBe('active');
    expect(expectOk(await call('visit.check', { patientId: patient.id }))).toMatchObject({ allowed: true, reason: null });
    expect(expectOk(await call('consent.status', { patientId: patient.id })).notificationsAllowed).toBe(true);

    const { consent: withdrawn, confirmation } = expectOk(await call('consent.withdraw', { consentId: consent.id, reason: 'Пациент отозвал согласие письменно' }));
    expect(withdrawn).toMatchObject({ state: 'withdrawn', withdrawalReason: 'Пациент отозвал согласие письменно', withdrawalSource: 'desk' });
    expect(pdfText(confirmation!.pdfBase64)).toContain(consent.number);
    const status = expectOk(await call('consent.status', { patientId: patient.id }));
    expect(status).toMatchObject({ badge: 'blocked', notificationsAllowed: false });
    expect(expectOk(await call('visit.check', { patientId: patient.id }))).toMatchObject({ allowed: false, reason: 'visit.blocked' });
    const again = await call('consent.sign', { consentId: consent.id, signature: { kind: 'paper' } });
    expect(!again.ok && again.error.code).toBe('consent.badTransition');
    const db = desk.store().db;
    expect(db.prepare("SELECT kind, status FROM dpo_task WHERE consent_id = ?").get(consent.id)).toEqual({ kind: 'consent-withdrawn', status: 'open' });
    for (const action of ['consent.created', 'consent.printed', 'consent.signed', 'consent.withdrawn', 'consent.withdrawalPrinted']) {
      expect(db.prepare('SELECT count(*) AS n FROM audit_log WHERE action = ? AND entity_id = ?').get(action, consent.id), action).toEqual({ n: 1 });
    }
    // A new consent is a new record, and signing it lifts the block.
    const { consent: second } = expectOk(await call('consent.prepare', { patientId: patient.id, language: 'kk', purposes: await allPurposes(false), signer: { kind: 'subject' } }));
    expect(second.id).not.toBe(consent.id);
    expectOk(await call('consent.sign', { consentId: second.id, signature: { kind: 'paper' } }));
    expect(expectOk(await call('consent.status', { patientId: patient.id }))).toMatchObject({ badge: 'active', notificationsAllowed: false });
  });

  it('prints a paper copy re-rendered from the record with the same text hash', async () => {
    const patient = expectOk(await call('patient.create', { patient: samplePatient() }));
    const { consent } = expectOk(await call('consent.prepare', { patientId: patient.id, language: 'kk+ru', purposes: await allPurposes(true), signer: { kind: 'subject' } }));
    // The printer is the outside world: this stand-in records what would be sent to it.
    const sent: string[] = [];
    (print as { print?: (html: string) => Promise<void> }).print = async (html: string) => {
      sent.push(html);
    };
    try {
      expectOk(await call('consent.printPaper', { consentId: consent.id }));
    } finally {
      delete (print as { print?: unknown }).print;
    }
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain(consent.textSha256);
    expect(sent[0]).toContain(consent.number);
  });

  it('refuses a consent without the required purposes, with a translatable code', async () => {
    const patient = expectOk(await call('patient.create', { patient: samplePatient() }));
    const purposes = (await allPurposes(true)).map((p) => ({ ...p, chosen: false }));
    const r = await call('consent.prepare', { patientId: patient.id, language: 'ru', purposes, signer: { kind: 'subject' } });
    expect(!r.ok && r.error).toMatchObject({ code: 'consent.text', details: { reason: 'consent.requiredPurposeNotChosen' } });
  });

  it('records a legal representative who signs for a minor', async () => {
    const minor = expectOk(
      await call('patient.create', {
        patient: samplePatient({ iin: '150120500015', birthDate: '2015-01-20', sex: 'male', givenName: 'Айдар', document: { type: 'birth-certificate', number: 'I-АЛ 123456', issuedOn: null, issuer: null, expiresOn: null }, representative: { fullName: 'Нұрланова Әйгерім', iin: '880315400010', basis: 'birth-certificate' } }),
      }),
    );
    const { consent, pdfBase64 } = expectOk(
      await call('consent.prepare', { patientId: minor.id, language: 'ru', purposes: await allPurposes(false), signer: { kind: 'representative', fullName: 'Нұрланова Әйгерім', iin: '880315400010', basis: 'birth-certificate' } }),
    );
    expect(consent.signer).toEqual({ kind: 'representative', fullName: 'Нұрланова Әйгерім', iin: '880315400010', basis: 'birth-certificate' });
    expect(pdfText(pdfBase64)).toContain('свидетельство о рождении');
  });

  it('flags patients on an older text for re-consent after a manager publishes a new version', async () => {
    const patient = expectOk(await call('patient.create', { patient: samplePatient() }));
    const { consent } = expectOk(await call('consent.prepare', { patientId: patient.id, language: 'ru', purposes: await allPurposes(false), signer: { kind: 'subject' } }));
    expectOk(await call('consent.sign', { consentId: consent.id, signature: { kind: 'paper' } }));
    expect(expectOk(await call('consent.status', { patientId: patient.id })).needsReconsent).toBe(false);
    const v1 = desk.store().consents.versions.load('v1');
    const refused = await call('consent.publishVersion', { manifest: { ...v1.manifest, version: 'v2' }, kk: v1.templates.kk!, ru: v1.templates.ru! });
    expect(!refused.ok && refused.error.code).toBe('auth.forbidden');
    // Managers publish; the receptionist's session cannot.
    const managerSession = new Session();
    const asManager = <K extends MethodName>(m: K, input: MethodInput<K>) => dispatch({ desk, session: managerSession, transport: 'test' }, m, input) as Promise<Result<MethodOutput<K>>>;
    const adminSession = new Session();
    const asAdmin = <K extends MethodName>(m: K, input: MethodInput<K>) => dispatch({ desk, session: adminSession, transport: 'test' }, m, input) as Promise<Result<MethodOutput<K>>>;
    expectOk(await asAdmin('auth.login', { login: 'admin', password: SAMPLE_SETUP.admin.password }));
    expectOk(await asAdmin('staff.create', { login: 'dpo', fullName: 'Дана', role: 'manager', temporaryPassword: 'temporary-pass-2' }));
    expectOk(await asManager('auth.login', { login: 'dpo', password: 'temporary-pass-2' }));
    expectOk(await asManager('auth.changePassword', { current: 'temporary-pass-2', next: 'manager-pw-123' }));
    const { manifest } = v1;
    expectOk(await asManager('consent.publishVersion', { manifest: { ...manifest, version: 'v2', publishedAt: '2026-11-25' }, kk: v1.templates.kk!, ru: v1.templates.ru! }));
    const stale = await asManager('consent.publishVersion', { manifest: { ...manifest, version: 'v2' }, kk: v1.templates.kk!, ru: v1.templates.ru! });
    expect(!stale.ok && stale.error.code).toBe('consent.versionNotNewer');
    expect(expectOk(await call('consent.status', { patientId: patient.id }))).toMatchObject({ needsReconsent: true, currentVersion: 'v2' });
    expect(existsSync(path.join(dir, 'store.db'))).toBe(true);
  });
});
