import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../ui/FormActions';
import { submitOnEnter } from './keys';
import { FORM_LANGUAGES, type FormLanguage } from './types';

/** Where the preselected language came from, said next to it so she can confirm it aloud. */
export type LanguageSource = 'lastConsent' | 'preferred' | 'interface';

/** Step 1: the language of the printed form; the default is the patient's last choice. */
export function LanguageStep(props: {
  value: FormLanguage;
  suggested: { value: FormLanguage; source: LanguageSource };
  onNext(language: FormLanguage): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const [language, setLanguage] = useState<FormLanguage>(props.value);
  const { suggested } = props;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        props.onNext(language);
      }}
      onKeyDown={submitOnEnter}
    >
      <fieldset className="consent-choices">
        <legend>{t('consent:flow.languageLegend')}</legend>
        <p className="field-hint" id="consent-language-hint">
          {t('consent:flow.languageHint')}
        </p>
        {FORM_LANGUAGES.map((lang) => (
          <label key={lang} className="consent-choice">
            <input
              type="radio"
              name="consent-language"
              value={lang}
              checked={language === lang}
              autoFocus={language === lang}
              aria-describedby="consent-language-hint"
              onChange={() => setLanguage(lang)}
            />
            <span>
              <span className="consent-choice-title">{t(`consent:language.${lang}`)}</span>
              {suggested.value === lang && suggested.source !== 'interface' ? <span className="consent-choice-note">{t(`consent:flow.source.${suggested.source}`)}</span> : null}
            </span>
          </label>
        ))}
      </fieldset>
      <FormActions align="end">
        <button type="button" onClick={props.onCancel}>
          {t('common:action.cancel')}
        </button>
        <button type="submit" className="primary">
          {t('consent:flow.next')}
        </button>
      </FormActions>
    </form>
  );
}
