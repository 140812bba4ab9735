import { useCallback, useEffect, useState } from 'react';
import type { ErrorBody, MethodOutput } from '../../../electron/core/api/types';
import { useApi } from '../api/ApiProvider';

export type PrintSetup = MethodOutput<'print.setup'>;
export type FormType = PrintSetup['preferences'][number]['formType'];
export type PrintPreference = PrintSetup['preferences'][number];

/**
 * This workstation's printers and the printer remembered for each kind of form, from the
 * core (which asks the shell). `save` remembers a new choice and reloads.
 */
export function usePrintSetup(): { setup: PrintSetup | null; error: ErrorBody | null; save(pref: PrintPreference): Promise<ErrorBody | null> } {
  const api = useApi();
  const [setup, setSetup] = useState<PrintSetup | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);

  const load = useCallback(async () => {
    const r = await api['print.setup']({});
    if (r.ok) setSetup(r.value);
    else setError(r.error);
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  const save = useCallback(
    async (pref: PrintPreference) => {
      const r = await api['print.setPreference'](pref);
      if (!r.ok) return r.error;
      setSetup((s) => (s ? { ...s, preferences: s.preferences.map((p) => (p.formType === r.value.formType ? r.value : p)) } : s));
      return null;
    },
    [api],
  );

  return { setup, error, save };
}
