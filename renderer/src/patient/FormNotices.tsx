import { useTranslation } from 'react-i18next';
import { formatDateTimeMinutes } from './dates';

/**
 * After a scan: the values came from the document's machine-readable zone. The names there
 * are a Latin transliteration, so she corrects them to the card's Cyrillic; any mismatch the
 * cross-check found (IIN against birth date and sex, expiry) is listed.
 */
export function ScanNotice({ warnings }: { warnings: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <div className={warnings.length ? 'notice notice-warn' : 'notice'} role="status">
      <p>{t('patient:scan.filled')}</p>
      {warnings.length ? (
        <ul>
          {warnings.map((w) => (
            <li key={w}>{t(`validation:${w}`)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** An unsaved form from before (an idle lock, a crash): restored, or offered to restore. */
export function DraftNotice(props: { state: 'restored' | 'offered'; savedAt: string; onRestore(): void; onStartOver(): void }) {
  const { t } = useTranslation();
  const at = formatDateTimeMinutes(props.savedAt);
  return (
    <div className="notice" role="status">
      <p>{props.state === 'restored' ? t('patient:draft.restored', { at }) : t('patient:draft.offered', { at })}</p>
      {props.state === 'restored' ? (
        <button type="button" onClick={props.onStartOver}>
          {t('patient:draft.startOver')}
        </button>
      ) : (
        <button type="button" onClick={props.onRestore}>
          {t('patient:draft.restore')}
        </button>
      )}
    </div>
  );
}
