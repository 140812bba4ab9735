import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, isLanguage } from '../../i18n/languages';
import { useLanguage } from '../../i18n/useLanguage';
import type { SetupForm } from './setupForm';

/**
 * The desk's language, chosen first: the rest of the setup screen switches to it at once,
 * and it is what the login screen will speak.
 */
export function LanguageChoice() {
  const { t } = useTranslation();
  const { register } = useFormContext<SetupForm>();
  const { language, setLanguage } = useLanguage();
  return (
    <fieldset className="language-choice">
      <legend>{t('setup:language.legend')}</legend>
      {LANGUAGES.map((lang) => (
        <label key={lang} className="radio" lang={lang}>
          <input
            type="radio"
            value={lang}
            autoFocus={lang === language}
            {...register('language', {
              onChange: (e: { target: { value: string } }) => {
                if (isLanguage(e.target.value)) void setLanguage(e.target.value);
              },
            })}
          />
          {t(`common:language.name.${lang}`)}
        </label>
      ))}
    </fieldset>
  );
}
