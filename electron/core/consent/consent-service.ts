import { createHash, randomUUID } from 'node:crypto';
import type { AuditLog } from '../audit/log.js';
import { readBranch, readOperator } from '../branch/branch-repo.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import type { PatientWriter } from '../patients/patient-writer.js';
import { consentFormPage, withdrawalFormPage } from '../print/consent-form.js';
import type { PrintService } from '../print/service.js';
import type { Db } from '../store/database.js';
import { enqueue } from '../sync/outbox.js';
import { formatDate } from '../util/dates.js';
import { ConsentReader, nextDocumentNumber, type Consent, type ConsentLanguage, type PurposeChoice, type Signer } from './consent-repo.js';
import { transition, type ConsentBadge, type ConsentEvent } from './state.js';
import { NO_IIN, renderConsentText, type ConsentLang } from './texts.js';
import { consentError, ConsentVersions } from './versions.js';

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

export interface ConsentDeps {
  db: Db;
  audit: AuditLog;
  patients: PatientWriter;
  clock: Clock;
  resourcesDir: string;
  print: PrintService | null;
  staffName(id: string | null): string;
}

/** The values frozen into a consent form when it was taken. */
interface FormSnapshot {
  operator: { legalNameKk: string; legalNameRu: string; bin: string; address: string };
  subject: { fullName: string; iin: string };
  date: string;
  number: string;
  staffName: string;
}

export interface ConsentStatus {
  badge: ConsentBadge;
  active: Consent | null;
  pending: Consent | null;
  currentVersion: string;
  /** Signed under an older text: ask for a new consent at this visit. */
  needsReconsent: boolean;
  /** The optional "results are ready" SMS/e-mail purpose is active. */
  notificationsAllowed: boolean;
}

/**
 * Consent at the desk: prepare and print, confirm the signature, refuse, withdraw. Every
 * step writes its audit entry and its outbox entry in the same transaction as the change.
 */
export class ConsentService extends ConsentReader {
  readonly versions: ConsentVersions;

  constructor(private readonly deps: ConsentDeps) {
    super(deps.db);
    this.versions = new ConsentVersions(deps.db, deps.resourcesDir);
  }

  private now(): Date {
    return this.deps.clock.now();
  }

  private requirePrint(): PrintService {
    if (!this.deps.print) throw new AppError('print.unavailable');
    return this.deps.print;
  }

  private async pdfOf(html: string): Promise<Buffer> {
    try {
      return await this.requirePrint().toPdf(html);
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw new AppError('print.failed', { cause: e });
    }
  }

  /** Renders the text, prints the form to PDF and records a consent awaiting signature. */
  async prepare(input: { patientId: string; language: ConsentLanguage; purposes: PurposeChoice[]; signer: Signer }, staffId: string | null) {
    const { db } = this.deps;
    const patient = this.deps.patients.get(input.patientId);
    if (!patient) throw new AppError('patient.notFound');
    if (patient.status === 'merged') throw new AppError('consent.patientNotActive');
    const operator = readOperator(db);
    const branch = readBranch(db);
    if (!operator || !branch) throw new AppError('setup.notDone');
    const version = this.versions.current();
    const now = this.now();
    const id = randomUUID();
    const number = db.transaction(() => nextDocumentNumber(db, 'consent', branch.code, now.getFullYear()))();
    const snapshot: FormSnapshot = {
      operator: { legalNameKk: operator.legalNameKk, legalNameRu: operator.legalNameRu, bin: operator.bin, address: operator.postalAddress },
      subject: { fullName: [patient.surname, patient.givenName, patient.patronymic].filter(Boolean).join(' '), iin: patient.iin ?? NO_IIN },
      date: formatDate(now),
      number,
      staffName: this.deps.staffName(staffId),
    };
    const { page, textSha256, perLanguage } = await this.renderForm({ id, version, language: input.language, purposes: input.purposes, signer: input.signer }, snapshot);
    const pdf = await this.pdfOf(page);
    const pdfSha = sha256(pdf);
    const at = now.toISOString();
    const fill = { ...snapshot, perLanguageSha256: perLanguage };
    db.transaction(() => {
      this.versions.pin(version, at);
      const rep = input.signer.kind === 'representative' ? input.signer : null;
      db.prepare(
        `INSERT INTO consent (id, number, patient_id, version, language, text_sha256, fill, purposes, state, signed_by, rep_full_name, rep_iin, rep_basis,
           pdf, pdf_sha256, pdf_size, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending-signature', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(id, number, patient.id, version, input.language, textSha256, JSON.stringify(fill), JSON.stringify(input.purposes), input.signer.kind, rep?.fullName ?? null, rep?.iin ?? null, rep?.basis ?? null, pdf, pdfSha, pdf.length, at, staffId);
      db.prepare('INSERT INTO consent_print (id, consent_id, kind, pdf_sha256, printed_at, printed_by) VALUES (?, ?, ?, ?, ?, ?)').run(randomUUID(), id, 'consent', pdfSha, at, staffId);
      this.deps.audit.append({ action: 'consent.created', staffId, entityType: 'consent', entityId: id, details: { patientId: patient.id, version, language: input.language } });
      this.deps.audit.append({ action: 'consent.printed', staffId, entityType: 'consent', entityId: id, details: { bytes: pdf.length } });
      enqueue(db, 'Consent', id, at);
    })();
    return { consent: this.get(id)!, pdfBase64: pdf.toString('base64') };
  }

  /**
   * The print page of a consent from its version, language, purposes and the values frozen at
   * capture. Deterministic: rendering again later gives the same text and hash, which is how
   * a paper copy can be printed again and checked against the record.
   */
  private async renderForm(
    c: { id: string; version: string; language: ConsentLanguage; purposes: PurposeChoice[]; signer: Signer },
    snap: FormSnapshot,
  ): Promise<{ page: string; textSha256: string; perLanguage: Record<string, string> }> {
    const loaded = this.versions.load(c.version);
    const langs: ConsentLang[] = c.language === 'kk+ru' ? ['kk', 'ru'] : [c.language];
    const sections = langs.map((lang) => {
      try {
        const r = renderConsentText(loaded, lang, {
          operator: { legalName: lang === 'kk' ? snap.operator.legalNameKk : snap.operator.legalNameRu, bin: snap.operator.bin, address: snap.operator.address },
          subject: snap.subject,
          consent: { date: snap.date, number: snap.number },
          purposes: c.purposes,
        });
        return { lang, ...r };
      } catch (e) {
        return consentError(e);
      }
    });
    // For a bilingual form the hash covers both texts in print order, separated unambiguously.
    const textSha256 = sections.length === 1 ? sections[0]!.sha256 : sha256(sections.map((x) => x.html).join('\u0000'));
    const page = await consentFormPage(this.deps.resourcesDir, {
      consentId: c.id,
      number: snap.number,
      date: snap.date,
      textSha256,
      sections: sections.map(({ lang, html }) => ({ lang, html })),
      signer: c.signer.kind === 'subject' ? { kind: 'subject', fullName: snap.subject.fullName } : { kind: 'representative', fullName: c.signer.fullName, basis: c.signer.basis },
      staffName: snap.staffName,
    });
    return { page, textSha256, perLanguage: Object.fromEntries(sections.map((x) => [x.lang, x.sha256])) };
  }

  /** Sends a consent to the printer (Electron), re-rendered from the record and checked against its text hash. */
  async printPaper(id: string, staffId: string | null): Promise<void> {
    const printer = this.requirePrint();
    if (!printer.print) throw new AppError('print.unavailable');
    const c = this.get(id);
    const fill = this.fill(id) as FormSnapshot | undefined;
    if (!c || !fill) throw new AppError('consent.notFound');
    const { page, textSha256 } = await this.renderForm(c, fill);
    if (textSha256 !== c.textSha256) throw new AppError('print.hashMismatch');
    await printer.print(page);
    const at = this.now().toISOString();
    this.deps.db.transaction(() => {
      this.deps.db.prepare("INSERT INTO consent_print (id, consent_id, kind, pdf_sha256, printed_at, printed_by) VALUES (?, ?, 'consent', ?, ?, ?)").run(randomUUID(), id, c.pdfSha256 ?? '', at, staffId);
      this.deps.audit.append({ action: 'consent.printedOnPaper', staffId, entityType: 'consent', entityId: id });
    })();
  }

  private apply(id: string, event: ConsentEvent) {
    const c = this.get(id);
    if (!c) throw new AppError('consent.notFound');
    const t = transition(c.state, event);
    if (!t.ok) throw new AppError(t.code, { details: { state: c.state } });
    return c;
  }

  /** The patient signed: on the printed form (confirmed by the receptionist) or on screen. */
  sign(id: string, signature: { kind: 'paper' } | { kind: 'drawn'; png: Buffer }, staffId: string | null): Consent {
    const { db } = this.deps;
    const at = this.now().toISOString();
    db.transaction(() => {
      const c = this.apply(id, { kind: 'sign', signature: signature.kind });
      db.prepare("UPDATE consent SET state = 'active', signature_kind = ?, signature_png = ?, signed_at = ?, confirmed_by = ? WHERE id = ?").run(
        signature.kind,
        signature.kind === 'drawn' ? signature.png : null,
        at,
        staffId,
        id,
      );
      // A new, signed consent lifts a block left by an earlier withdrawal.
      const patient = this.deps.patients.get(c.patientId);
      if (patient?.status === 'blocked') this.deps.patients.setStatus(c.patientId, { status: 'active', reason: 'consent.signed' }, { staffId, at });
      this.deps.audit.append({ action: 'consent.signed', staffId, entityType: 'consent', entityId: id, details: { signature: signature.kind, patientId: c.patientId } });
      enqueue(db, 'Consent', id, at);
      enqueue(db, 'DocumentReference', id, at);
    })();
    return this.get(id)!;
  }

  refuse(id: string, staffId: string | null): Consent {
    const at = this.now().toISOString();
    this.deps.db.transaction(() => {
      const c = this.apply(id, { kind: 'refuse' });
      this.deps.db.prepare("UPDATE consent SET state = 'refused', refused_at = ? WHERE id = ?").run(at, id);
      this.deps.audit.append({ action: 'consent.refused', staffId, entityType: 'consent', entityId: id, details: { patientId: c.patientId } });
      enqueue(this.deps.db, 'Consent', id, at);
    })();
    return this.get(id)!;
  }

  /**
   * Withdrawal (policy 2.10; Law 94-V): the consent ends, optional notifications stop, the
   * patient is blocked from new processing if no other active consent covers the required
   * purposes, and the data-protection officer gets a task. Works the same for a withdrawal
   * made at the desk or reported by the central system.
   */
  withdraw(id: string, reason: string, source: 'desk' | 'central', staffId: string | null, when?: string): Consent {
    const { db } = this.deps;
    const at = when ?? this.now().toISOString();
    db.transaction(() => {
      const c = this.apply(id, { kind: 'withdraw' });
      db.prepare("UPDATE consent SET state = 'withdrawn', withdrawn_at = ?, withdrawal_reason = ?, withdrawal_source = ? WHERE id = ?").run(at, reason, source, id);
      const stillActive = db.prepare("SELECT 1 FROM consent WHERE patient_id = ? AND state = 'active'").get(c.patientId);
      if (!stillActive) this.deps.patients.setStatus(c.patientId, { status: 'blocked', reason: 'consent.withdrawn' }, { staffId, at });
      db.prepare("INSERT INTO dpo_task (id, kind, patient_id, consent_id, status, created_at, created_by) VALUES (?, 'consent-withdrawn', ?, ?, 'open', ?, ?)").run(randomUUID(), c.patientId, id, at, staffId);
      this.deps.audit.append({ action: 'consent.withdrawn', staffId, entityType: 'consent', entityId: id, details: { patientId: c.patientId, source } });
      if (source === 'desk') enqueue(db, 'Consent', id, at);
    })();
    return this.get(id)!;
  }

  /** The confirmation the patient takes home after withdrawing. Printed and audited. */
  async withdrawalConfirmation(id: string, staffId: string | null): Promise<{ pdfBase64: string; sha256: string }> {
    const c = this.get(id);
    if (!c || c.state !== 'withdrawn') throw new AppError('consent.notFound');
    const patient = this.deps.patients.get(c.patientId)!;
    const html = withdrawalFormPage(this.deps.resourcesDir, {
      number: c.number,
      subjectName: [patient.surname, patient.givenName, patient.patronymic].filter(Boolean).join(' '),
      subjectIin: patient.iin ?? NO_IIN,
      withdrawnAt: formatDate(new Date(c.withdrawnAt!)),
      reason: c.withdrawalReason ?? '',
      staffName: this.deps.staffName(staffId),
      languages: c.language === 'kk+ru' ? ['kk', 'ru'] : [c.language],
    });
    const pdf = await this.pdfOf(html);
    const hash = sha256(pdf);
    const at = this.now().toISOString();
    this.deps.db.transaction(() => {
      this.deps.db.prepare("INSERT INTO consent_print (id, consent_id, kind, pdf_sha256, printed_at, printed_by) VALUES (?, ?, 'withdrawal', ?, ?, ?)").run(randomUUID(), id, hash, at, staffId);
      this.deps.audit.append({ action: 'consent.withdrawalPrinted', staffId, entityType: 'consent', entityId: id });
    })();
    return { pdfBase64: pdf.toString('base64'), sha256: hash };
  }

  /** The stored PDF, byte for byte, after checking it against its recorded hash. */
  reprint(id: string, staffId: string | null): { pdfBase64: string; sha256: string } {
    const stored = this.pdf(id);
    if (!stored) throw new AppError('consent.notFound');
    if (sha256(stored.pdf) !== stored.sha256) throw new AppError('print.hashMismatch');
    const at = this.now().toISOString();
    this.deps.db.transaction(() => {
      this.deps.db.prepare("INSERT INTO consent_print (id, consent_id, kind, pdf_sha256, printed_at, printed_by) VALUES (?, ?, 'consent', ?, ?, ?)").run(randomUUID(), id, stored.sha256, at, staffId);
      this.deps.audit.append({ action: 'consent.reprinted', staffId, entityType: 'consent', entityId: id });
    })();
    return { pdfBase64: stored.pdf.toString('base64'), sha256: stored.sha256 };
  }

  status(patientId: string): ConsentStatus {
    const patient = this.deps.patients.get(patientId);
    if (!patient) throw new AppError('patient.notFound');
    const all = this.forPatient(patientId);
    const active = all.find((c) => c.state === 'active') ?? null;
    const pending = all.find((c) => c.state === 'pending-signature') ?? null;
    const currentVersion = this.versions.current();
    const badge: ConsentBadge =
      patient.status === 'blocked' ? 'blocked' : active ? 'active' : pending ? 'pending' : all[0]?.state === 'withdrawn' ? 'withdrawn' : 'none';
    return {
      badge,
      active,
      pending,
      currentVersion,
      needsReconsent: active !== null && active.version !== currentVersion,
      notificationsAllowed: active?.purposes.some((p) => p.id === 'result-notification' && p.chosen) ?? false,
    };
  }
}
