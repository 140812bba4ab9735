import { checkIin } from '../../../../electron/core/identity/iin';
import { normalizeKzPhone } from '../../../../electron/core/identity/phone';
import type { MethodInput } from '../../../../electron/core/api/types';
import { birthIso, type PatientFormState } from '../formModel';

export type DuplicateQuery = MethodInput<'patient.checkDuplicates'>;

/**
 * `patient.checkDuplicates` requires a birth date; when only the phone is known yet, this
 * date matches nobody's, so only the phone is compared. (Asked of the core: make it optional.)
 */
export const NO_BIRTH_DATE = '0001-01-01';

/**
 * What to ask the duplicate check, once something identifying is complete: a valid IIN, a
 * surname and given name with a birth date, or a valid phone number. Null while nothing is.
 */
export function duplicateQuery(s: PatientFormState, now: Date): DuplicateQuery | null {
  const iin = checkIin(s.iin, now);
  const birth = birthIso(s, now);
  const surname = s.surname.trim();
  const givenName = s.givenName.trim();
  const phone = normalizeKzPhone(s.phone, { allowForeign: true });
  const named = surname !== '' && givenName !== '' && birth !== null;
  if (!iin.ok && !named && !phone.ok) return null;
  return {
    iin: iin.ok ? iin.iin : null,
    surname: surname.slice(0, 60),
    givenName: givenName.slice(0, 60),
    birthDate: birth ?? NO_BIRTH_DATE,
    phone: phone.ok ? phone.e164 : null,
  };
}
