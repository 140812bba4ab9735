import { useTranslation } from 'react-i18next';
import { type FieldErrors, type FieldValues, type Path } from 'react-hook-form';
import type { ErrorBody } from '../../../electron/core/api/types';
import { encodeIssue } from './issues';
import { useErrorText } from './useErrorText';
import { useIssueText } from './useIssueText';
import { fieldError } from './fieldError';

export interface SummaryField<T extends FieldValues> {
  name: Path<T>;
  label: string;
}

/**
 * The list of problems shown after a failed save, in field order; each entry moves the
 * focus to its field. Also shows what the core refused that belongs to no single field.
 */
export function ErrorSummary<T extends FieldValues>(props: {
  show: boolean;
  fields: readonly SummaryField<T>[];
  errors: FieldErrors<T>;
  formError: ErrorBody | null;
  onFocusField(name: Path<T>): void;
}) {
  const { t } = useTranslation();
  const issueText = useIssueText();
  const errorText = useErrorText();
  const withErrors = props.show
    ? props.fields.flatMap((f) => {
        const message = fieldError(props.errors, f.name);
        return message ? [{ ...f, message }] : [];
      })
    : [];
  const formError = props.formError;
  if (withErrors.length === 0 && !formError) return null;
  return (
    <div className="error-summary" role="alert">
      {formError ? <p className="error-summary-title">{errorText(formError)}</p> : null}
      {withErrors.length > 0 ? (
        <>
          <p className="error-summary-title">{t('common:form.fixFields', { count: withErrors.length })}</p>
          <ul>
            {withErrors.map((f) => (
              <li key={f.name}>
                <button type="button" className="link-button" onClick={() => props.onFocusField(f.name)}>
                  {f.label}: {issueText(f.message)}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {formError?.issues?.length ? (
        <ul>
          {formError.issues.map((i) => (
            <li key={`${i.path}-${i.code}`}>{issueText(encodeIssue(i.code, i.params))}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
