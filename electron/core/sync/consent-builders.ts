import { createHash } from 'node:crypto';
import type { Consent as FhirConsent } from '@medplum/fhirtypes';
import { readOperator } from '../branch/branch-repo.js';
import { ConsentReader } from '../consent/consent-repo.js';
import type { ConsentService } from '../consent/consent-service.js';
import { consentPdfToFhir, consentToFhir, withdrawalFromFhir, type ConsentMappingContext } from '../fhir/consent.js';
import type { BuildContext, ResourceBuilder } from './builders.js';
import type { RemoteConsentHandler } from './pull.js';

/**
 * Consents and their signed PDFs on the wire, with the mappings of `fhir/consent.ts`. Both
 * are append-only at the central system (a withdrawal is a new version of the Consent, not
 * an edit of the old one), so they go up without If-Match and never conflict.
 */
function mappingContext({ db, branchCode }: BuildContext, id: string): { ctx: ConsentMappingContext; pdf: Buffer | null } | null {
  const operator = readOperator(db);
  if (!operator) return null;
  const stored = new ConsentReader(db).pdf(id);
  const pdf = stored
    ? { size: stored.pdf.length, sha1Base64: createHash('sha1').update(stored.pdf).digest('base64'), sha256Hex: stored.sha256 }
    : null;
  return { ctx: { operator: { legalName: operator.legalNameRu, bin: operator.bin }, pdf, branchCode }, pdf: stored?.pdf ?? null };
}

function recordConsentVersion({ db }: BuildContext, id: string, version: string): void {
  db.prepare('UPDATE consent SET remote_version = ? WHERE id = ?').run(version, id);
}

export const consentBuilder: ResourceBuilder = {
  build(ctx, id) {
    const c = new ConsentReader(ctx.db).get(id);
    const m = c && mappingContext(ctx, id);
    if (!c || !m) return null;
    return { resource: { ...consentToFhir(c, m.ctx), id }, ifMatch: null, patientId: c.patientId };
  },
  recordVersion: recordConsentVersion,
};

/** The signed PDF (DocumentReference, same id as its Consent); queued when the consent is signed. */
export const documentReferenceBuilder: ResourceBuilder = {
  build(ctx, id) {
    const c = new ConsentReader(ctx.db).get(id);
    const m = c && mappingContext(ctx, id);
    if (!c || !m?.pdf || !m.ctx.pdf) return null;
    return { resource: { ...consentPdfToFhir(c, m.pdf, { ...m.ctx, pdf: m.ctx.pdf }), id }, ifMatch: null, patientId: c.patientId };
  },
  recordVersion: () => undefined,
};

/**
 * Applies consents withdrawn at the central system (through the website, say) with the
 * consent module's own withdrawal, which blocks the patient when nothing else covers the
 * required purposes and opens the manager's data-protection task. Idempotent: a consent
 * already withdrawn here (our own withdrawal coming back through the feed) is left alone.
 */
export function consentWithdrawalHandler(consents: ConsentService): RemoteConsentHandler {
  return {
    applyRemoteConsent({ resource }) {
      const w = withdrawalFromFhir(resource as unknown as FhirConsent);
      if (!w) return;
      const local = consents.get(w.consentId);
      if (!local || local.state === 'withdrawn') return;
      consents.withdraw(w.consentId, w.reason, 'central', null, w.at);
    },
  };
}
