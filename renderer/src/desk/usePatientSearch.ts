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
 * Whether a query is worth sending. Names and numbers never contain '<': text with it is a
 * scanner burst landing in the field, which the scanner hook takes care of.
 */
export function searchable(query: string): boolean {
  const q = query.trim();
  return q.length > 0 && q.length <= 100 && !q.includes('<');
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
