import { useEffect, useRef, useState } from 'react';
import type { PatientSummary } from '../../../electron/core/patients/patient-row';
import { useApi } from '../api/ApiProvider';

export const SEARCH_DEBOUNCE_MS = 120;

export interface SearchState {
  /** The query these results answer (trimmed); compare with what is typed now to know if they are current. */
  query: string;
  results: PatientSummary[];
  status: 'idle' | 'loading' | 'done' | 'failed';
}

/**
 * Whether a query is worth sending. A scanner burst lands in the field before the scanner
 * hook takes it back, and the MRZ text must never reach the core: names and numbers never
 * contain '<', and no name, IIN or phone is a long run mixing Latin letters and digits
 * (an MRZ line before its first '<' is).
 */
export function searchable(query: string): boolean {
  const q = query.trim();
  if (q.length === 0 || q.length > 100 || q.includes('<')) return false;
  return !/^(?=.*[A-Za-z])(?=.*\d)[A-Za-z0-9]{8,}$/.test(q);
}

/**
 * Results as she types: each change waits SEARCH_DEBOUNCE_MS, and an answer is used only if
 * it is for the latest query (a slow answer to "Нұр" must not replace the one to "Нұрлан").
 */
export function usePatientSearch(query: string, limit = 20): SearchState {
  const api = useApi();
  const [state, setState] = useState<SearchState>({ query: '', results: [], status: 'idle' });
  const seq = useRef(0);
  const q = query.trim();

  useEffect(() => {
    const mine = ++seq.current;
    if (!searchable(q)) {
      setState({ query: q, results: [], status: 'idle' });
      return;
    }
    setState((s) => ({ ...s, status: 'loading' }));
    const timer = setTimeout(() => {
      void api['patient.search']({ query: q, limit }).then((r) => {
        if (mine !== seq.current) return;
        setState(r.ok ? { query: q, results: r.value, status: 'done' } : { query: q, results: [], status: 'failed' });
      });
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [api, q, limit]);

  return state;
}
