import { useTranslation } from 'react-i18next';

export const STEPS = ['language', 'purposes', 'sign'] as const;
export type StepName = (typeof STEPS)[number];

/** "1 Language · 2 Purposes and signer · 3 Print and sign", the current one marked. */
export function StepIndicator({ current }: { current: StepName }) {
  const { t } = useTranslation();
  const at = STEPS.indexOf(current);
  return (
    <ol className="consent-steps" aria-label={t('consent:flow.stepsLabel')}>
      {STEPS.map((s, i) => (
        <li key={s} aria-current={s === current ? 'step' : undefined} className={i < at ? 'step-done' : undefined}>
          <span className="step-number" aria-hidden="true">
            {i + 1}
          </span>
          {t(`consent:flow.steps.${s}`)}
          {i < at ? <span className="visually-hidden"> {t('consent:flow.stepDone')}</span> : null}
        </li>
      ))}
    </ol>
  );
}
