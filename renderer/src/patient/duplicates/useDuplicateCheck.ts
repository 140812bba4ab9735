import { useCallback, useEffect, useRef, useState } from 'react';
import { useWatch } from 'react-hook-form';
import type { MethodOutput } from '../../../../electron/core/api/types';
import { useApi } from '../../api/ApiProvider';
import type { PatientForm } from '../PatientForm';
import { duplicateQuery } from './dupQuery';

export type DuplicateResult = MethodOutput<'patient.checkDuplicates'>;
const CHECK_DEBOUNCE_MS = 300;

/**
 * Duplicates are looked for while she types, before she saves: whenever the identifying
 * fields change and something is complete (see duplicateQuery). Answers to older values are
 * dropped. `checkNow` is for the moment of saving, so the decision uses the final values.
 */
export function useDuplicateCheck(form: PatientForm, exceptId?: string) {
  const api = useApi();
  const [result, setResult] = useState<DuplicateResult | null>(null);
  const seq = useRef(0);
  const [iin, surname, givenName, birthDate, phone] = useWatch({ control: form.control, name: ['iin', 'surname', 'givenName', 'birthDate', 'phone'] });
  const query = duplicateQuery({ ...form.getValues(), iin, surname, givenName, birthDate, phone }, new Date());
  const key = query ? JSON.stringify(query) : '';

  const run = useCallback(async (): Promise<DuplicateResult | null> => {
    const mine = ++seq.current;
    const q = duplicateQuery(form.getValues(), new Date());
    if (!q) {
      setResult(null);
      return null;
    }
    const r = await api['patient.checkDuplicates']({ ...q, ...(exceptId ? { exceptId } : {}) });
    if (mine !== seq.current) return null;
    const value = r.ok ? r.value : null;
    setResult(value);
    return value;
  }, [api, form, exceptId]);

  useEffect(() => {
    if (key === '') {
      seq.current++;
      setResult(null);
      return;
    }
    const timer = setTimeout(() => void run(), CHECK_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key, run]);

  return { result, checkNow: run };
}
