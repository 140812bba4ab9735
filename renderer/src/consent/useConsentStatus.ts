import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorBody } from '../../../electron/core/api/types';
import { useApi } from '../api/ApiProvider';
import type { ConsentStatusView, VisitCheck } from './types';

export interface ConsentData {
  status: ConsentStatusView | null;
  visit: VisitCheck | null;
  error: ErrorBody | null;
  reload(): Promise<void>;
}

/**
 * A patient's consents and the visit gate, loaded together so the panel never shows a status
 * and a gate that disagree. Both calls are passive: polling them does not keep the desk awake.
 * `refreshKey` lets a parent ask for a reload after something changed elsewhere.
 */
export function useConsentStatus(patientId: string, refreshKey = 0, withVisit = true): ConsentData {
  const api = useApi();
  const [status, setStatus] = useState<ConsentStatusView | null>(null);
  const [visit, setVisit] = useState<VisitCheck | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);

  // Only the latest request may set state: a slow answer for the previous patient is dropped.
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++latest.current;
    const [s, v] = await Promise.all([api['consent.status']({ patientId }), withVisit ? api['visit.check']({ patientId }) : Promise.resolve(null)]);
    if (mine !== latest.current) return;
    if (!s.ok) {
      setError(s.error);
      return;
    }
    setError(null);
    setStatus(s.value);
    setVisit(v?.ok ? v.value : null);
  }, [api, patientId, withVisit]);

  useEffect(() => {
    void reload();
  }, [reload, refreshKey]);

  return { status, visit, error, reload };
}
