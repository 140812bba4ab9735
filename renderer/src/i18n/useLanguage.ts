import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiProvider';
import { isLanguage, type Language } from './languages';

/** The UI language; changing it also stores it in the core, which shows it before login. */
export function useLanguage(): { language: Language; setLanguage(next: Language): Promise<void> } {
  const { i18n } = useTranslation();
  const api = useApi();
  const current = i18n.resolvedLanguage ?? i18n.language;
  const language: Language = isLanguage(current) ? current : 'ru';
  const setLanguage = useCallback(
    async (next: Language) => {
      await i18n.changeLanguage(next);
      await api['app.setLanguage']({ language: next });
    },
    [api, i18n],
  );
  return { language, setLanguage };
}
