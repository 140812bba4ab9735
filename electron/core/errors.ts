/**
 * Errors that cross the core boundary carry a stable `code`: a translation key the renderer
 * looks up under `errors.<code>` in each locale. Messages for people are never built here,
 * because the core does not know the receptionist's language.
 *
 * Details must never contain personal data: they travel to the renderer and may end up in
 * logs. Put identifiers of records (ids), counts and field paths in them, not names or IINs.
 */
export const ERROR_CODES = [
  'validation',
  'internal',
  'unknownMethod',
  'auth.required',
  'auth.locked',
  'auth.forbidden',
  'auth.wrongCredentials',
  'auth.staffInactive',
  'auth.weakPassword',
  'auth.passwordReuse',
  'auth.tooManyAttempts',
  'auth.mustChangePassword',
  'setup.alreadyDone',
  'setup.notDone',
  'store.wrongKey',
  'store.newerThanApp',
  'store.corrupt',
  'store.sealedByOs',
  'keychain.unavailable',
  'keychain.changed',
  'store.exists',
  'store.diskFull',
  'store.readOnly',
  'store.ioError',
  'staff.loginTaken',
  'staff.notFound',
  'staff.lastAdmin',
  'audit.chainBroken',
  'backup.invalid',
  'transport.badOrigin',
  'patient.notFound',
  'patient.duplicateIin',
  'patient.possibleDuplicates',
  'patient.versionConflict',
  'patient.merged',
  'patient.blocked',
  'patient.mergeSame',
  'draft.tooLarge',
  'consent.notFound',
  'consent.badTransition',
  'consent.signatureRequired',
  'consent.text',
  'consent.versionNotNewer',
  'consent.patientNotActive',
  'print.unavailable',
  'print.failed',
  'print.hashMismatch',
  'print.noPrinter',
  'print.printerNotFound',
  'print.printerOffline',
  'print.jobRefused',
  'print.jobFailed',
  'visit.noConsent',
  'visit.pendingSignature',
  'visit.blocked',
  'task.notFound',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with one field of a payload; `code` is a translation key under `validation.`. */
export interface FieldIssue {
  path: string;
  code: string;
  /** Values the message may interpolate, e.g. `{ minimum: 8 }`. Never personal data. */
  params?: Record<string, string | number>;
}

export interface ErrorBody {
  code: ErrorCode;
  issues?: FieldIssue[];
  details?: Record<string, string | number | boolean>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues?: FieldIssue[];
  readonly details?: Record<string, string | number | boolean>;

  constructor(code: ErrorCode, extra: { issues?: FieldIssue[]; details?: ErrorBody['details']; cause?: unknown } = {}) {
    super(code, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = 'AppError';
    this.code = code;
    if (extra.issues) this.issues = extra.issues;
    if (extra.details) this.details = extra.details;
  }

  toBody(): ErrorBody {
    const body: ErrorBody = { code: this.code };
    if (this.issues) body.issues = this.issues;
    if (this.details) body.details = this.details;
    return body;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
