import { z } from 'zod';
import type { ErrorBody } from '../../../electron/core/api/types';
import { checkIin } from '../../../electron/core/identity/iin';
import { REPRESENTATIVE_BASES } from '../../../electron/core/patients/schema';
import type { PatientView, PurposeDef, RepresentativeBasis, SignerInput } from './types';

/**
 * Step 2's form: the optional purposes the patient chose, and who signs. Messages are the
 * same translation keys the core uses; the core checks the payload again on `prepare`.
 */
export function purposesFormSchema(now: () => Date) {
  return z
    .object({
      optional: z.record(z.string(), z.boolean()),
      signerKind: z.enum(['subject', 'representative']),
      rep: z.object({ fullName: z.string().trim(), iin: z.string().trim(), basis: z.string() }),
    })
    .superRefine((v, ctx) => {
      if (v.signerKind !== 'representative') return;
      const { fullName, iin, basis } = v.rep;
      if (fullName === '') ctx.addIssue({ code: 'custom', path: ['rep', 'fullName'], message: 'validation.required' });
      else if (fullName.length > 200) ctx.addIssue({ code: 'custom', path: ['rep', 'fullName'], message: 'validation.tooLong' });
      const r = iin === '' ? { ok: false as const, code: 'validation.required' } : checkIin(iin, now());
      if (!r.ok) ctx.addIssue({ code: 'custom', path: ['rep', 'iin'], message: r.code });
      if (!isBasis(basis)) ctx.addIssue({ code: 'custom', path: ['rep', 'basis'], message: 'validation.required' });
    });
}

export type PurposesFormValues = z.input<ReturnType<typeof purposesFormSchema>>;
export const PURPOSES_FIELDS = ['rep.fullName', 'rep.iin', 'rep.basis'] as const;

export function isBasis(v: string): v is RepresentativeBasis {
  return (REPRESENTATIVE_BASES as readonly string[]).includes(v);
}

/**
 * The signer she starts from: a patient with a representative on file (a minor, a ward) is
 * signed for by that representative, prefilled; everyone else signs for themselves.
 */
export function initialPurposesValues(patient: PatientView, defs: readonly PurposeDef[]): PurposesFormValues {
  const rep = patient.representative;
  return {
    optional: Object.fromEntries(defs.filter((p) => !p.required).map((p) => [p.id, false])),
    signerKind: rep ? 'representative' : 'subject',
    rep: { fullName: rep?.fullName ?? '', iin: rep?.iin ?? '', basis: rep?.basis ?? '' },
  };
}

/** Every purpose answered: required ones always chosen, optional ones as toggled. */
export function purposeChoices(defs: readonly PurposeDef[], values: PurposesFormValues) {
  return defs.map((p) => ({ id: p.id, chosen: p.required || values.optional[p.id] === true }));
}

export function signerOf(values: PurposesFormValues): SignerInput {
  const basis = values.rep.basis;
  if (values.signerKind === 'subject' || !isBasis(basis)) return { kind: 'subject' };
  return { kind: 'representative', fullName: values.rep.fullName.trim(), iin: values.rep.iin.trim(), basis };
}

/** The core names the signer's fields `signer.*`; this form calls them `rep.*`. */
export function toFormPaths(error: ErrorBody): ErrorBody {
  if (!error.issues) return error;
  return { ...error, issues: error.issues.map((i) => ({ ...i, path: i.path.replace(/^signer\./, 'rep.') })) };
}
