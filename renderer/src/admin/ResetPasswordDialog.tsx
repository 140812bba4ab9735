import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ErrorBody } from '../../../electron/core/api/types';
import { useApi } from '../api/ApiProvider';
import { applyCoreError } from '../forms/coreErrors';
import { ErrorSummary } from '../forms/ErrorSummary';
import { deskResolver } from '../forms/resolver';
import { resetPasswordSchema } from '../forms/schemas';
import { TextField } from '../forms/TextField';
import { Dialog } from '../ui/Dialog';
import { generatePassword } from '../ui/generatePassword';
import type { StaffItem } from './staffTypes';
import { FormActions } from '../ui/FormActions';

/** A new temporary password for someone who forgot theirs; they must change it at sign-in. */
export function ResetPasswordDialog({ staff, onClose, onDone }: { staff: NonNullable<StaffItem>; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [formError, setFormError] = useState<ErrorBody | null>(null);
  const form = useForm({ resolver: deskResolver(resetPasswordSchema), mode: 'onTouched', defaultValues: { temporaryPassword: '' } });
  const { errors, submitCount, isSubmitting, isDirty } = form.formState;
  const label = t('admin:staff.temporaryPassword');

  const onSubmit = form.handleSubmit(async ({ temporaryPassword }) => {
    setFormError(null);
    const r = await api['staff.resetPassword']({ id: staff.id, temporaryPassword });
    if (r.ok) onDone();
    else setFormError(applyCoreError(r.error, ['temporaryPassword'], form.setError));
  });

  return (
    <Dialog title={t('admin:staff.resetTitle', { name: staff.fullName })} onClose={onClose} dirty={isDirty}>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <ErrorSummary
          show={submitCount > 0}
          fields={[{ name: 'temporaryPassword', label }]}
          errors={errors}
          formError={formError}
          onFocusField={(name) => form.setFocus(name)}
        />
        <TextField
          id="reset-temporaryPassword"
          label={label}
          registration={form.register('temporaryPassword')}
          error={errors.temporaryPassword?.message}
          hint={t('admin:staff.temporaryPasswordHint')}
          autoFocus
          required
        />
        <FormActions>
          <button type="button" onClick={() => form.setValue('temporaryPassword', generatePassword(), { shouldValidate: true })}>
            {t('admin:staff.generate')}
          </button>
        </FormActions>
        <FormActions align="end">
          <button type="button" onClick={onClose}>
            {t('common:action.cancel')}
          </button>
          <button type="submit" className="primary" disabled={isSubmitting}>
            {t('admin:staff.resetSubmit')}
          </button>
        </FormActions>
      </form>
    </Dialog>
  );
}
