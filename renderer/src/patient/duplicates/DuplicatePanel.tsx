import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { PatientSummary } from '../../../../electron/core/patients/patient-row';
import { formatDate } from '../../format';
import { useIssueText } from '../../forms/useIssueText';
import { formatPhone, fullName } from '../display';
import { birthIso, type PatientFormState } from '../formModel';
import type { DuplicateResult } from './useDuplicateCheck';

type Candidate = DuplicateResult['similar'][number];

/** The same IIN is already registered: saving is blocked; she opens the existing patient instead. */
export function ExactDuplicate(props: { existing: PatientSummary | null; onOpen(): void }) {
  const { t } = useTranslation();
  const e = props.existing;
  return (
    <div className="dup-exact" role="alert">
      <p className="dup-title">{t('patient:dup.exactTitle')}</p>
      {e ? <p>{t('patient:dup.exactWho', { name: fullName(e), birthDate: formatDate(e.birthDate) })}</p> : null}
      <button type="button" className="primary" id="dup-open-existing" onClick={props.onOpen}>
        {t('patient:dup.openExisting')}
      </button>
    </div>
  );
}

/**
 * Similar patients (same birth date and a close name, or the same phone) side by side with
 * what she typed. She may open one of them, or say why this is someone else: the reason is
 * required and kept with the new record.
 */
export function SimilarDuplicates(props: {
  candidates: readonly Candidate[];
  reason: string;
  reasonError: string | null;
  onReason(text: string): void;
  onOpen(id: string): void;
}) {
  const { t } = useTranslation();
  const issueText = useIssueText();
  const { control, getValues } = useFormContext<PatientFormState>();
  // Re-rendered as she types, so the "this form" column follows her.
  useWatch({ control });
  const v = getValues();
  const birth = birthIso(v, new Date());
  const rows: { label: string; typed: string; of(c: Candidate): string }[] = [
    { label: t('patient:dup.name'), typed: fullName({ ...v, patronymic: v.patronymic || null }), of: (c) => fullName(c) },
    { label: t('patient:field.iin'), typed: v.iin || '—', of: (c) => c.iin ?? '—' },
    { label: t('patient:field.birthDate'), typed: birth ? formatDate(birth) : '—', of: (c) => formatDate(c.birthDate) },
    { label: t('patient:field.phone'), typed: v.phone || '—', of: (c) => formatPhone(c.phone) },
    { label: t('patient:dup.why'), typed: '', of: (c) => c.reasons.map((r) => t(`patient:dup.reason.${r}`)).join(', ') },
  ];
  return (
    <section className="dup-similar" aria-labelledby="dup-similar-title">
      <h2 id="dup-similar-title" className="dup-title">
        {t('patient:dup.similarTitle', { count: props.candidates.length })}
      </h2>
      <div className="dup-table-wrap">
        <table className="data-table dup-table">
          <thead>
            <tr>
              <td />
              <th scope="col">{t('patient:dup.thisForm')}</th>
              {props.candidates.map((c, i) => (
                <th scope="col" key={c.id}>
                  {t('patient:dup.candidate', { n: i + 1 })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                <td>{r.typed}</td>
                {props.candidates.map((c) => (
                  <td key={c.id}>{r.of(c)}</td>
                ))}
              </tr>
            ))}
            <tr>
              <td />
              <td />
              {props.candidates.map((c) => (
                <td key={c.id}>
                  <button type="button" onClick={() => props.onOpen(c.id)}>
                    {t('patient:dup.open', { name: c.surname })}
                  </button>
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      <div className="field dup-reason">
        <label htmlFor="dup-reason">{t('patient:dup.reasonLabel')}</label>
        <input
          id="dup-reason"
          type="text"
          autoComplete="off"
          value={props.reason}
          maxLength={500}
          aria-invalid={props.reasonError ? true : undefined}
          aria-describedby={props.reasonError ? 'dup-reason-hint dup-reason-error' : 'dup-reason-hint'}
          onChange={(e) => props.onReason(e.target.value)}
        />
        <p id="dup-reason-hint" className="field-hint">
          {t('patient:dup.reasonHint')}
        </p>
        {props.reasonError ? (
          <p id="dup-reason-error" className="field-error">
            {issueText(props.reasonError)}
          </p>
        ) : null}
      </div>
    </section>
  );
}
