import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorBody } from '../../../electron/core/api/types';

/** A refusal from the core as a sentence: `errors.<code>`, with the details it may quote. */
export function useErrorText(): (error: ErrorBody) => string {
  const { t } = useTranslation();
  return useCallback(
    (error) => {
      if (error.details?.transport === 'disconnected') return t('common:connection.callLost');
      const seconds = error.details?.retryAfterSeconds;
      return t(`errors:${error.code}`, { seconds: typeof seconds === 'number' ? seconds : 0, defaultValue: t('errors:internal') });
    },
    [t],
  );
}
