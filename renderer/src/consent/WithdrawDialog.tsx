import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { ErrorBody } from '../../../electron/core/api/types';
import { useApi } from '../api/ApiProvider';
import { applyCoreError } from '../forms/coreErrors';
import { deskResolver } from '../forms/resolver';
import { text } from '../forms/schemas';
import { TextField } from '../forms/TextField';
import { Dialog } from '../ui/Dialog';
import { FormActions } from '../ui/FormActions';
import { PdfView } from './PdfView';
import type { ConsentRecord, PdfDocument } from './types';
import { useConsentErrorText } from './useConsentErrorText';

const schema = z.object({ reason: text(500) });

/**
 * Withdrawal at the desk: the reason is required (it is kept with the consent), then the
 * confirmation for the patient is shown to print. The withdrawal stands even if the
 * confirmation cannot be printed at once; it can be asked for again here.
 */
export function WithdrawDialog({ consent, onClose, onWithdrawn }: { consent: ConsentRecord; onClose(): void; onWithdrawn(c: ConsentRecord): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useConsentErrorText();
  const [formError, setFormError] = useState<ErrorBody | null>(null);
  const [done, setDone] = useState<{ confirmation: PdfDocument | null } | null>(null);
  const form = useForm({ resolver: deskResolver(schema), mode: 'onTouched', defaultValues: { reason: '' } });
  const { errors, isSubmitting, isDirty } = form.formState;

  const onSubmit = form.handleSubmit(async ({ reason }) => {
    setFormError(null);
    const r = await api['consent.withdraw']({ consentId: consent.id, reason });
    if (!r.ok) {
      setFormError(applyCoreError(r.error, ['reason'], form.setError));
      return;
    }
    setDone({ confirmation: r.value.confirmation });
    onWithdrawn(r.value.consent);
  });

  const retryConfirmation = async () => {
    setFormError(null);
    const r = await api['consent.withdrawalConfirmation']({ consentId: consent.id });
    if (r.ok) setDone({ confirmation: r.value });
    else setFormError(r.error);
  };

  return (
    <Dialog title={t('consent:withdraw.title', { number: consent.number })} onClose={onClose} wide dirty={!done && isDirty}>
      {formError ? (
        <p className="form-error" role="alert">
          {errorText(formError)}
        </p>
      ) : null}
      {!done ? (
        <form onSubmit={(e) => void onSubmit(e)} noValidate>
          <p>{t('consent:withdraw.explain')}</p>
          <TextField id="withdraw-reason" label={t('consent:withdraw.reason')} hint={t('consent:withdraw.reasonHint')} registration={form.register('reason')} error={errors.reason?.message} autoFocus required />
          <FormActions align="end">
            <button type="button" onClick={onClose}>
              {t('common:action.cancel')}
            </button>
            <button type="submit" className="danger" disabled={isSubmitting}>
              {t('consent:withdraw.submit')}
            </button>
          </FormActions>
        </form>
      ) : (
        <div className="consent-document">
          <p className="status-message" role="status">
            {t('consent:withdraw.done', { number: consent.number })}
          </p>
          {done.confirmation ? (
            <>
              <p className="field-hint">{t('consent:withdraw.confirmationHint')}</p>
              <PdfView base64={done.confirmation.pdfBase64} title={t('consent:pdf.withdrawalTitle', { number: consent.number })} printFirst />
            </>
          ) : (
            <p>
              {t('consent:withdraw.noConfirmation')}{' '}
              <button type="button" onClick={() => void retryConfirmation()}>
                {t('consent:withdraw.retryConfirmation')}
              </button>
            </p>
          )}
          <FormActions align="end">
            <button type="button" onClick={onClose}>
              {t('consent:flow.close')}
            </button>
          </FormActions>
        </div>
      )}
    </Dialog>
  );
}
