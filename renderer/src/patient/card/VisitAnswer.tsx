import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../forms/useErrorText';
import type { VisitAnswer as Answer } from './useVisitCheck';

/** The answer to "Start visit", in words: go ahead, or why not (no consent, unsigned, blocked). */
export function VisitAnswer({ answer }: { answer: Answer }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  if (!answer) return null;
  if (answer.kind === 'error') {
    return (
      <p id="visit-answer" className="form-error visit-answer" role="alert">
        {errorText(answer.error)}
      </p>
    );
  }
  const { allowed, reason, needsReconsent } = answer.value;
  return (
    <div id="visit-answer" className={allowed ? 'notice notice-ok visit-answer' : 'form-error visit-answer'} role={allowed ? 'status' : 'alert'}>
      <p>{allowed ? t('patient:visit.allowed') : t(`errors:${reason ?? 'visit.noConsent'}`)}</p>
      {needsReconsent ? <p className="visit-reconsent">{t('patient:visit.reconsent')}</p> : null}
    </div>
  );
}
