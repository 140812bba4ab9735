import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorBody, MethodOutput } from '../../../../electron/core/api/types';
import type { Patient } from '../../../../electron/core/patients/patient-row';
import { useApi } from '../../api/ApiProvider';
import { ConsentPanel } from '../../consent/ConsentPanel';
import { useErrorText } from '../../forms/useErrorText';
import { useSession } from '../../session/SessionProvider';
import { StatusMessage } from '../../ui/StatusMessage';
import { CardActions, type CardAction } from './CardActions';
import { CardHeader } from './CardHeader';
import { Demographics } from './Demographics';
import { HistoryTimeline } from './HistoryTimeline';
import { MergeDialog } from './merge/MergeDialog';
import { useVisitCheck } from './useVisitCheck';
import { VisitAnswer } from './VisitAnswer';

type Loaded = MethodOutput<'patient.get'>;

/**
 * The patient card: who (header and consent badge), what she can do (actions with
 * shortcuts), and the record: demographics, consents, and every change made to it.
 * Opening it is a `patient.get`, which the core records as a view of the patient.
 */
export function PatientCard(props: {
  id: string;
  /** A translation key: what just happened ("registered", "saved"). */
  notice: string | null;
  active: boolean;
  onBack(): void;
  onEdit(patient: Patient): void;
  onOpen(id: string, noticeKey?: string): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const { phase } = useSession();
  const isManager = phase.kind === 'signedIn' && phase.view.staff.role === 'manager';
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [consentKey, setConsentKey] = useState(0);
  const [merging, setMerging] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const consents = useRef<HTMLElement>(null);
  const visit = useVisitCheck(props.id);

  const load = useCallback(async () => {
    const r = await api['patient.get']({ id: props.id });
    if (r.ok) setLoaded(r.value);
    else setError(r.error);
  }, [api, props.id]);

  useEffect(() => void load(), [load]);
  const shown = loaded !== null;
  useEffect(() => {
    if (shown) heading.current?.focus();
  }, [shown]);

  if (error) {
    return (
      <div className="patient-card">
        <p className="form-error" role="alert">
          {errorText(error)}
        </p>
        <button type="button" onClick={props.onBack}>
          {t('patient:action.back')}
        </button>
      </div>
    );
  }
  if (!loaded) return <p className="lead">{t('common:loading')}</p>;

  const { patient, history } = loaded;
  const toConsents = () => consents.current?.focus();
  const back: CardAction = { id: 'back', shortcut: 'Esc', key: 'Escape', run: props.onBack };
  const actions: CardAction[] = patient.status === 'merged' ? [back] : [
    { id: 'visit', shortcut: 'Alt+V', key: 'Alt+KeyV', run: () => void visit.check(), primary: true },
    { id: 'consent', shortcut: 'Alt+C', key: 'Alt+KeyC', run: toConsents },
    { id: 'print', shortcut: 'Alt+P', key: 'Alt+KeyP', run: toConsents },
    { id: 'edit', shortcut: 'Alt+E', key: 'Alt+KeyE', run: () => props.onEdit(patient) },
    { id: 'request', shortcut: 'Alt+R', key: 'Alt+KeyR', unavailable: true },
    ...(isManager ? [{ id: 'merge', shortcut: 'Alt+M', key: 'Alt+KeyM', run: () => setMerging(true) } as const] : []),
    back,
  ];

  return (
    <article className="patient-card" aria-labelledby="card-name">
      <div className="card-top">
        <CardHeader patient={patient} consentKey={consentKey} headingRef={heading} />
        <CardActions actions={actions} active={props.active && !merging} />
      </div>
      <StatusMessage text={props.notice ? t(props.notice) : null} />
      {patient.status === 'merged' && patient.mergedInto ? (
        <div className="notice notice-warn">
          <p>{t('patient:card.mergedNotice')}</p>
          <button type="button" onClick={() => patient.mergedInto && props.onOpen(patient.mergedInto)}>
            {t('patient:card.openMergedInto')}
          </button>
        </div>
      ) : null}
      <VisitAnswer answer={visit.answer} />
      <div className="card-columns">
        <div className="card-column">
          <Demographics patient={patient} />
          <section className="card-section" aria-labelledby="card-consents-title" ref={consents} tabIndex={-1}>
            <h2 id="card-consents-title">{t('patient:card.consents')}</h2>
            <ConsentPanel
              patientId={patient.id}
              onChanged={() => {
                setConsentKey((k) => k + 1);
                visit.clear();
              }}
            />
          </section>
        </div>
        <HistoryTimeline history={history} patient={patient} />
      </div>
      {merging ? (
        <MergeDialog
          patient={patient}
          onClose={() => setMerging(false)}
          onMerged={(keptId) => {
            setMerging(false);
            if (keptId === patient.id) void load();
            props.onOpen(keptId, 'patient:merge.done');
          }}
        />
      ) : null}
    </article>
  );
}
