import { useCallback, useState } from 'react';
import type { ErrorBody, MethodOutput } from '../../../../electron/core/api/types';
import { useApi } from '../../api/ApiProvider';

export type VisitAnswer = { kind: 'answer'; value: MethodOutput<'visit.check'> } | { kind: 'error'; error: ErrorBody } | null;

/** "Start visit": the core decides whether the consent allows it, and says why not. */
export function useVisitCheck(patientId: string) {
  const api = useApi();
  const [answer, setAnswer] = useState<VisitAnswer>(null);
  const [busy, setBusy] = useState(false);
  const check = useCallback(async () => {
    setBusy(true);
    const r = await api['visit.check']({ patientId });
    setBusy(false);
    setAnswer(r.ok ? { kind: 'answer', value: r.value } : { kind: 'error', error: r.error });
  }, [api, patientId]);
  return { answer, busy, check, clear: () => setAnswer(null) };
}
