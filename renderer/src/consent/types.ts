import type { MethodInput, MethodOutput } from '../../../electron/core/api/types';

/** The consent API's shapes, taken from the core's handler map so they cannot drift. */
export type ConsentStatusView = MethodOutput<'consent.status'>;
export type ConsentRecord = ConsentStatusView['consents'][number];
export type ConsentBadgeKind = ConsentStatusView['badge'];
export type ConsentState = ConsentRecord['state'];
export type PurposeDef = MethodOutput<'consent.purposes'>['purposes'][number];
export type PurposesView = MethodOutput<'consent.purposes'>;
export type PrepareInput = MethodInput<'consent.prepare'>;
export type FormLanguage = PrepareInput['language'];
export type SignerInput = PrepareInput['signer'];
export type Representative = Extract<SignerInput, { kind: 'representative' }>;
export type RepresentativeBasis = Representative['basis'];
export type PatientView = MethodOutput<'patient.get'>['patient'];
export type VisitCheck = MethodOutput<'visit.check'>;
export type DpoTask = MethodOutput<'dpo.tasks.list'>[number];
export type PdfDocument = MethodOutput<'consent.reprint'>;

/** The three form languages in the order offered at the desk. */
export const FORM_LANGUAGES = ['kk', 'ru', 'kk+ru'] as const satisfies readonly FormLanguage[];
