import { useTranslation } from 'react-i18next';
import { LANGUAGES } from './languages';
import { useLanguage } from './useLanguage';

/** kk / ru / en as a small group of toggle buttons; the choice is stored in the core. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguage();
  return (
    <div className="language-switch" role="group" aria-label={t('common:language.switch')}>
      {LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          aria-pressed={lang === language}
          title={t(`common:language.name.${lang}`)}
          onClick={() => void setLanguage(lang)}
        >
          {t(`common:language.short.${lang}`)}
        </button>
      ))}
    </div>
  );
}
