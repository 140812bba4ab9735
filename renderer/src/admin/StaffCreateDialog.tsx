import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ErrorBody } from '../../../electron/core/api/types';
import { useApi } from '../api/ApiProvider';
import { applyCoreError } from '../forms/coreErrors';
import { ErrorSummary } from '../forms/ErrorSummary';
import { deskResolver } from '../forms/resolver';
import { staffCreateSchema } from '../forms/schemas';
import { SelectField } from '../forms/SelectField';
import { TextField } from '../forms/TextField';
import { Dialog } from '../ui/Dialog';
import { generatePassword } from '../ui/generatePassword';
import { roleOptions, type StaffItem } from './staffTypes';
import { FormActions } from '../ui/FormActions';

const FIELDS = ['login', 'fullName', 'role', 'temporaryPassword'] as const;

/** A new account with a temporary password the admin hands over; it must be changed at first sign-in. */
export function StaffCreateDialog({ onClose, onCreated }: { onClose(): void; onCreated(staff: StaffItem): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [formError, setFormError] = useState<ErrorBody | null>(null);
  const form = useForm({
    resolver: deskResolver(staffCreateSchema),
    mode: 'onTouched',
    defaultValues: { login: '', fullName: '', role: 'receptionist' as const, temporaryPassword: '' },
  });
  const { errors, submitCount, isSubmitting, isDirty } = form.formState;
  const labels = {
    login: t('admin:staff.login'),
    fullName: t('admin:staff.fullName'),
    role: t('admin:staff.role'),
    temporaryPassword: t('admin:staff.temporaryPassword'),
  };

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const r = await api['staff.create'](values);
    if (r.ok && r.value) onCreated(r.value);
    else if (!r.ok) setFormError(applyCoreError(r.error, FIELDS, form.setError));
  });

  return (
    <Dialog title={t('admin:staff.createTitle')} onClose={onClose} dirty={isDirty}>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <ErrorSummary
          show={submitCount > 0}
          fields={FIELDS.map((name) => ({ name, label: labels[name] }))}
          errors={errors}
          formError={formError}
          onFocusField={(name) => form.setFocus(name)}
        />
        <TextField id="staff-login" label={labels.login} registration={form.register('login')} error={errors.login?.message} hint={t('setup:admin.loginHint')} autoFocus required />
        <TextField id="staff-fullName" label={labels.fullName} registration={form.register('fullName')} error={errors.fullName?.message} required />
        <SelectField id="staff-role" label={labels.role} registration={form.register('role')} options={roleOptions(t)} error={errors.role?.message} />
        <TextField
          id="staff-temporaryPassword"
          label={labels.temporaryPassword}
          registration={form.register('temporaryPassword')}
          error={errors.temporaryPassword?.message}
          hint={t('admin:staff.temporaryPasswordHint')}
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
            {t('admin:staff.create')}
          </button>
        </FormActions>
      </form>
    </Dialog>
  );
}
