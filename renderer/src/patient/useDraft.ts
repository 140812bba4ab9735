import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '../api/ApiProvider';
import type { PatientFormState } from './formModel';
import type { PatientForm } from './PatientForm';

export type DraftKind = 'patient.new' | 'patient.edit';
export const DRAFT_THROTTLE_MS = 800;

/**
 * A scanner burst lands in a field for a moment before it is recognized and taken out again;
 * a draft saved in that moment must not keep it (the MRZ text is never stored). Any value
 * that looks like MRZ text is left out of the draft.
 */
export function withoutMrzText(values: PatientFormState): PatientFormState {
  const looksScanned = (v: string) => v.includes('<') || /[A-Z0-9]{25,}/.test(v);
  const clean = (v: unknown): unknown => {
    if (typeof v === 'string') return looksScanned(v) ? '' : v;
    if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clean(x)]));
    return v;
  };
  return clean(values) as PatientFormState;
}

/**
 * Keeps the half-filled form as an encrypted draft in the core while she types (at most one
 * save per DRAFT_THROTTLE_MS, the last change always saved), so an idle lock, a crash or a
 * power cut loses nothing. Nothing is saved until the form differs from how it opened.
 */
export function useDraft(kind: DraftKind, key: string, form: PatientForm, extra: Record<string, unknown> = {}) {
  const api = useApi();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const extraRef = useRef(extra);
  extraRef.current = extra;
  const stopped = useRef(false);
  /** When the core last confirmed a save: shown, so she knows the form is safe to leave. */
  const [savedAt, setSavedAt] = useState<string | null>(null);

  useEffect(() => {
    const save = () => {
      timer.current = undefined;
      const values = withoutMrzText(form.getValues());
      // Compared by value: formState.isDirty is only kept up to date for a rendering subscriber.
      if (stopped.current || JSON.stringify(values) === JSON.stringify(form.formState.defaultValues)) return;
      void api['draft.save']({ kind, key, payload: { ...extraRef.current, form: values } }).then((r) => {
        if (r.ok && !stopped.current) setSavedAt(r.value.savedAt);
      });
    };
    const sub = form.watch(() => {
      if (stopped.current || timer.current !== undefined) return;
      timer.current = setTimeout(save, DRAFT_THROTTLE_MS);
    });
    return () => {
      sub.unsubscribe();
      // Leaving the screen with a save still due: do it now rather than lose the last keys.
      if (timer.current !== undefined) {
        clearTimeout(timer.current);
        save();
      }
    };
  }, [api, form, kind, key]);

  const load = useCallback(async () => {
    const r = await api['draft.get']({ kind, key });
    return r.ok ? r.value : null;
  }, [api, kind, key]);

  /** After a save or a deliberate discard: no more autosaves, and the draft is gone. */
  const remove = useCallback(async () => {
    stopped.current = true;
    clearTimeout(timer.current);
    timer.current = undefined;
    await api['draft.delete']({ kind, key });
  }, [api, kind, key]);

  return { load, remove, savedAt };
}
