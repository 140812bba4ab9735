import '../styles/patient.css';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseIdMrz } from '../../../electron/core/identity/mrz';
import type { Patient } from '../../../electron/core/patients/patient-row';
import { useApi } from '../api/ApiProvider';
import { EditPatient } from '../patient/EditPatient';
import { NewPatient } from '../patient/NewPatient';
import { PatientCard } from '../patient/card/PatientCard';
import { prefillFromQuery, type PatientPrefill } from '../patient/prefill';
import { DeskSearch } from './DeskSearch';
import { prefillFromDocument } from './scanPrefill';
import { useDeskKeys } from './useDeskKeys';
import { useScanner } from './useScanner';

/** Which screen of the desk is showing. One at a time: no stacks of windows to get lost in. */
export type DeskView =
  | { kind: 'search' }
  | { kind: 'new'; prefill: PatientPrefill | null; nonce: number }
  /** `notice` is a translation key, so it follows a language switch while shown. */
  | { kind: 'card'; id: string; notice: string | null }
  | { kind: 'edit'; patient: Patient };

/**
 * The receptionist's desk: search, registration, the patient card, editing. The search text
 * survives a trip to a card and back. A scanned ID works from any of these screens.
 */
export function Desk({ active }: { active: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const [view, setView] = useState<DeskView>({ kind: 'search' });
  const [query, setQuery] = useState('');
  const [focusKey, setFocusKey] = useState(0);
  /** A translation key: why the last scan did nothing. */
  const [scanProblem, setScanProblem] = useState<string | null>(null);

  const toSearch = useCallback(() => {
    setView({ kind: 'search' });
    setFocusKey((k) => k + 1);
  }, []);
  const openCard = useCallback((id: string, notice: string | null = null) => setView({ kind: 'card', id, notice }), []);
  // An empty prefill (nothing typed) is no prefill: the form then takes back an unsaved draft.
  const startNew = useCallback(
    (prefill: PatientPrefill | null) =>
      setView((v) => ({ kind: 'new', prefill: prefill && Object.keys(prefill).length > 0 ? prefill : null, nonce: (v.kind === 'new' ? v.nonce : 0) + 1 })),
    [],
  );

  // Coming back to the desk tab: the search field gets the focus again.
  // (Harmless on other screens: the key only moves focus when the search is showing.)
  useEffect(() => {
    if (active) setFocusKey((k) => k + 1);
  }, [active]);

  const onScan = useCallback(
    (text: string) => {
      // A dialog (a consent being signed, a merge) is not torn down by a stray scan.
      if (document.querySelector('dialog[open]')) {
        setScanProblem('desk:scan.busy');
        return;
      }
      const r = parseIdMrz(text, new Date());
      if (!r.ok) {
        setScanProblem(`validation:${r.code}`);
        return;
      }
      setScanProblem(null);
      const { document: doc, warnings } = r;
      const iin = doc.iin;
      const register = () => startNew(prefillFromDocument(doc, warnings));
      if (!iin) return register();
      void api['patient.search']({ query: iin, limit: 5 }).then((s) => {
        const known = s.ok ? s.value.find((p) => p.iin === iin) : undefined;
        if (known) openCard(known.id);
        else register();
      });
    },
    [api, openCard, startNew],
  );

  useScanner({ enabled: active, onScan });
  useDeskKeys(active && (view.kind === 'search' || view.kind === 'card'), {
    'Alt+KeyN': () => startNew(view.kind === 'search' ? prefillFromQuery(query) : null),
  });

  return (
    <div className="desk">
      {scanProblem ? (
        <div className="form-error desk-scan-problem" role="alert">
          <span>{t(scanProblem)}</span>
          <button type="button" onClick={() => setScanProblem(null)}>
            {t('desk:scan.dismiss')}
          </button>
        </div>
      ) : null}
      {view.kind === 'search' ? (
        <DeskSearch query={query} onQuery={setQuery} focusKey={focusKey} onOpen={(id) => openCard(id)} onNew={startNew} />
      ) : view.kind === 'new' ? (
        <NewPatient
          prefill={view.prefill}
          nonce={view.nonce}
          active={active}
          onCancel={toSearch}
          onCreated={(id) => openCard(id, 'patient:card.created')}
          onOpenExisting={(id) => openCard(id)}
        />
      ) : view.kind === 'card' ? (
        <PatientCard
          key={view.id}
          id={view.id}
          notice={view.notice}
          active={active}
          onBack={toSearch}
          onEdit={(patient) => setView({ kind: 'edit', patient })}
          onOpen={(id, notice) => openCard(id, notice ?? null)}
        />
      ) : (
        <EditPatient
          patient={view.patient}
          active={active}
          onCancel={() => openCard(view.patient.id)}
          onSaved={(id, notice) => openCard(id, notice)}
          onOpenExisting={(id) => openCard(id)}
        />
      )}
    </div>
  );
}
