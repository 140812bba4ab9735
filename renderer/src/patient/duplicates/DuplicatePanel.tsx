import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { PatientSummary } from '../../../../electron/core/patients/patient-row';
import { normalizeKzPhone } from '../../../../electron/core/identity/phone';
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

/** One fact of a candidate, marked when it is the same as what she typed. */
function Fact({ label, value, same }: { label: string; value: string; same: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="dup-fact">
      <dt>{label}</dt>
      <dd>
        {value}
        {same ? <span className="same-tag">{t('patient:dup.same')}</span> : null}
      </dd>
    </div>
  );
}

/**
 * Similar patients (same birth date and a close name, or the same phone), in the column beside
 * the form, so each candidate reads side by side with what she typed; the facts that are the
 * same are marked. She may open one of them, or say why this is someone else: the reason is
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
  // Re-rendered as she types, so the "same as the form" marks follow her.
  useWatch({ control });
  const v = getValues();
  const birth = birthIso(v, new Date());
  const phone = normalizeKzPhone(v.phone, { allowForeign: true });
  const typedIin = v.iin.replace(/\s+/g, '');
  return (
    <section className="dup-similar" aria-labelledby="dup-similar-title">
      <h2 id="dup-similar-title" className="dup-title">
        {t('patient:dup.similarTitle', { count: props.candidates.length })}
      </h2>
      <ul className="dup-candidates">
        {props.candidates.map((c) => (
          <li key={c.id} className="dup-candidate">
            <p className="dup-name">{fullName(c)}</p>
            <dl>
              <Fact label={t('patient:field.iin')} value={c.iin ?? '—'} same={c.iin !== null && c.iin === typedIin} />
              <Fact label={t('patient:field.birthDate')} value={formatDate(c.birthDate)} same={c.birthDate === birth} />
              <Fact label={t('patient:field.phone')} value={formatPhone(c.phone)} same={phone.ok && phone.e164 === c.phone} />
            </dl>
            <p className="dup-why">
              {t('patient:dup.why')}: {c.reasons.map((r) => t(`patient:dup.reason.${r}`)).join(', ')}
            </p>
            <button type="button" onClick={() => props.onOpen(c.id)}>
              {t('patient:dup.open', { name: fullName(c) })}
            </button>
          </li>
        ))}
      </ul>
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
