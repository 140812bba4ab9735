import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { decodeIssue, issueTranslationKey } from './issues';

/** Turns an encoded field issue into a sentence in the UI language. */
export function useIssueText(): (message: string | undefined) => string {
  const { t } = useTranslation();
  return useCallback(
    (message) => {
      if (!message) return '';
      const { code, params } = decodeIssue(message);
      return t(issueTranslationKey(code), { ...params, defaultValue: t('validation:custom') });
    },
    [t],
  );
}
