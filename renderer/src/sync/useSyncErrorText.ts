import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorBody, FieldIssue } from '../../../electron/core/api/types';
import { encodeIssue } from '../forms/issues';
import { useErrorText } from '../forms/useErrorText';
import { useIssueText } from '../forms/useIssueText';

/**
 * Refusals from the sync handlers as sentences. Their own issue codes (`sync.urlInvalid`,
 * `sync.conflictNotFound`…) live in the sync namespace; everything else is translated as
 * anywhere else in the desk.
 */
export function useSyncErrorText() {
  const { t } = useTranslation();
  const issueText = useIssueText();
  const errorText = useErrorText();

  const issue = useCallback(
    (i: Pick<FieldIssue, 'code' | 'params'>): string => (i.code.startsWith('sync.') ? t(`sync:error.${i.code.slice('sync.'.length)}`) : issueText(encodeIssue(i.code, i.params))),
    [t, issueText],
  );

  const error = useCallback(
    (e: ErrorBody): string => {
      if (e.code === 'validation' && e.issues?.length) return e.issues.map(issue).join(' ');
      return errorText(e);
    },
    [issue, errorText],
  );

  return useMemo(() => ({ issue, error }), [issue, error]);
}
