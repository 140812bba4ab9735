import type { Db } from '../store/database.js';
import type { ConsentState } from './state.js';

export type ConsentLanguage = 'kk' | 'ru' | 'kk+ru';

export interface PurposeChoice {
  id: string;
  chosen: boolean;
}

export type Signer =
  | { kind: 'subject' }
  | { kind: 'representative'; fullName: string; iin: string; basis: 'power-of-attorney' | 'birth-certificate' | 'court-decision' | 'guardianship' };

/** A consent as the patient card and the sync mapping see it (the PDF bytes are fetched apart). */
export interface Consent {
  id: string;
  number: string;
  patientId: string;
  version: string;
  language: ConsentLanguage;
  textSha256: string;
  purposes: PurposeChoice[];
  state: ConsentState;
  signatureKind: 'paper' | 'drawn' | null;
  signer: Signer;
  hasDrawnSignature: boolean;
  pdfSha256: string | null;
  pdfSize: number | null;
  createdAt: string;
  createdBy: string | null;
  signedAt: string | null;
  confirmedBy: string | null;
  refusedAt: string | null;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
  withdrawalSource: 'desk' | 'central' | null;
}

interface ConsentRow {
  id: string;
  number: string;
  patient_id: string;
  version: string;
  language: ConsentLanguage;
  text_sha256: string;
  purposes: string;
  state: ConsentState;
  signature_kind: 'paper' | 'drawn' | null;
  signed_by: 'subject' | 'representative' | null;
  rep_full_name: string | null;
  rep_iin: string | null;
  rep_basis: string | null;
  has_signature: number;
  pdf_sha256: string | null;
  pdf_size: number | null;
  created_at: string;
  created_by: string | null;
  signed_at: string | null;
  confirmed_by: string | null;
  refused_at: string | null;
  withdrawn_at: string | null;
  withdrawal_reason: string | null;
  withdrawal_source: 'desk' | 'central' | null;
}

const COLUMNS = `id, number, patient_id, version, language, text_sha256, purposes, state, signature_kind, signed_by, rep_full_name, rep_iin,
  rep_basis, signature_png IS NOT NULL AS has_signature, pdf_sha256, pdf_size, created_at, created_by, signed_at, confirmed_by, refused_at,
  withdrawn_at, withdrawal_reason, withdrawal_source`;

function fromRow(r: ConsentRow): Consent {
  const signer: Signer =
    r.signed_by === 'representative' && r.rep_full_name && r.rep_iin && r.rep_basis
      ? { kind: 'representative', fullName: r.rep_full_name, iin: r.rep_iin, basis: r.rep_basis as Extract<Signer, { kind: 'representative' }>['basis'] }
      : { kind: 'subject' };
  return {
    id: r.id,
    number: r.number,
    patientId: r.patient_id,
    version: r.version,
    language: r.language,
    textSha256: r.text_sha256,
    purposes: JSON.parse(r.purposes) as PurposeChoice[],
    state: r.state,
    signatureKind: r.signature_kind,
    signer,
    hasDrawnSignature: r.has_signature === 1,
    pdfSha256: r.pdf_sha256,
    pdfSize: r.pdf_size,
    createdAt: r.created_at,
    createdBy: r.created_by,
    signedAt: r.signed_at,
    confirmedBy: r.confirmed_by,
    refusedAt: r.refused_at,
    withdrawnAt: r.withdrawn_at,
    withdrawalReason: r.withdrawal_reason,
    withdrawalSource: r.withdrawal_source,
  };
}

export class ConsentReader {
  constructor(protected readonly db: Db) {}

  get(id: string): Consent | undefined {
    const r = this.db.prepare(`SELECT ${COLUMNS} FROM consent WHERE id = ?`).get(id) as ConsentRow | undefined;
    return r && fromRow(r);
  }

  forPatient(patientId: string): Consent[] {
    return (this.db.prepare(`SELECT ${COLUMNS} FROM consent WHERE patient_id = ? ORDER BY created_at DESC, number DESC`).all(patientId) as ConsentRow[]).map(fromRow);
  }

  pdf(id: string): { pdf: Buffer; sha256: string } | undefined {
    const r = this.db.prepare('SELECT pdf, pdf_sha256 FROM consent WHERE id = ?').get(id) as { pdf: Buffer | null; pdf_sha256: string | null } | undefined;
    return r?.pdf && r.pdf_sha256 ? { pdf: r.pdf, sha256: r.pdf_sha256 } : undefined;
  }

  fill(id: string): Record<string, unknown> | undefined {
    const r = this.db.prepare('SELECT fill FROM consent WHERE id = ?').get(id) as { fill: string } | undefined;
    return r ? (JSON.parse(r.fill) as Record<string, unknown>) : undefined;
  }
}

/** Next document number for a kind, per branch and year: ALA-01-2026-000042. Call inside a transaction. */
export function nextDocumentNumber(db: Db, kind: string, branchCode: string, year: number): string {
  const cur = db.prepare('SELECT year, last FROM document_counter WHERE kind = ?').get(kind) as { year: number; last: number } | undefined;
  const last = cur && cur.year === year ? cur.last + 1 : 1;
  db.prepare('INSERT INTO document_counter (kind, year, last) VALUES (?, ?, ?) ON CONFLICT (kind) DO UPDATE SET year = excluded.year, last = excluded.last').run(kind, year, last);
  return `${branchCode}-${year}-${String(last).padStart(6, '0')}`;
}
