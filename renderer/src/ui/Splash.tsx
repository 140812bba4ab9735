import { useTranslation } from 'react-i18next';

/** Shown while the first answer from the core is on its way, or if it never comes. */
export function Splash({ kind }: { kind: 'starting' | 'unreachable' | 'noToken' }) {
  const { t } = useTranslation();
  return (
    <main className="splash">
      <h1>{t('common:appName')}</h1>
      <p role={kind === 'starting' ? 'status' : 'alert'}>{t(`common:splash.${kind}`)}</p>
    </main>
  );
}
