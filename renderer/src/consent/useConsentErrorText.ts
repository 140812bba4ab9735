import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorBody } from '../../../electron/core/api/types';
import { useErrorText } from '../forms/useErrorText';

/** The consent-text problems a receptionist can fix herself; the rest are for IT support. */
const FIXABLE_REASONS = ['consent.requiredPurposeNotChosen', 'consent.purposeNotAnswered', 'consent.unknownPurpose'];

/**
 * Like useErrorText, but a `consent.text` refusal that names a reason the receptionist can act
 * on (a required purpose left unchosen) says that instead of "call IT support".
 */
export function useConsentErrorText(): (error: ErrorBody) => string {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return useCallback(
    (error) => {
      const reason = error.details?.reason;
      if (error.code === 'consent.text' && typeof reason === 'string' && FIXABLE_REASONS.includes(reason)) {
        return t(`consent:reason.${reason.slice('consent.'.length)}`);
      }
      return errorText(error);
    },
    [errorText, t],
  );
}
