import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ErrorBody } from '../../../electron/core/api/types';
import { useApi } from '../api/ApiProvider';
import { applyCoreError } from '../forms/coreErrors';
import { ErrorSummary } from '../forms/ErrorSummary';
import { deskResolver } from '../forms/resolver';
import { staffEditSchema } from '../forms/schemas';
import { SelectField } from '../forms/SelectField';
import { TextField } from '../forms/TextField';
import { Dialog } from '../ui/Dialog';
import { roleOptions, type StaffItem } from './staffTypes';
import { FormActions } from '../ui/FormActions';

const FIELDS = ['fullName', 'role', 'active'] as const;

/** Name, role, and whether the account may sign in (deactivation keeps its audit history). */
export function StaffEditDialog({ staff, onClose, onSaved }: { staff: NonNullable<StaffItem>; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [formError, setFormError] = useState<ErrorBody | null>(null);
  const form = useForm({
    resolver: deskResolver(staffEditSchema),
    mode: 'onTouched',
    defaultValues: { fullName: staff.fullName, role: staff.role, active: staff.active },
  });
  const { errors, submitCount, isSubmitting, isDirty } = form.formState;
  const labels = { fullName: t('admin:staff.fullName'), role: t('admin:staff.role'), active: t('admin:staff.activeLabel') };

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const r = await api['staff.update']({ id: staff.id, ...values });
    if (r.ok) onSaved();
    else setFormError(applyCoreError(r.error, FIELDS, form.setError));
  });

  return (
    <Dialog title={t('admin:staff.editTitle', { login: staff.login })} onClose={onClose} dirty={isDirty}>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <ErrorSummary
          show={submitCount > 0}
          fields={FIELDS.map((name) => ({ name, label: labels[name] }))}
          errors={errors}
          formError={formError}
          onFocusField={(name) => form.setFocus(name)}
        />
        <TextField id="edit-fullName" label={labels.fullName} registration={form.register('fullName')} error={errors.fullName?.message} autoFocus required />
        <SelectField id="edit-role" label={labels.role} registration={form.register('role')} options={roleOptions(t)} error={errors.role?.message} />
        <div className="field field-checkbox">
          <input id="edit-active" type="checkbox" aria-describedby="edit-active-hint" {...form.register('active')} />
          <label htmlFor="edit-active">{labels.active}</label>
          <p id="edit-active-hint" className="field-hint">
            {t('admin:staff.activeHint')}
          </p>
        </div>
        <FormActions align="end">
          <button type="button" onClick={onClose}>
            {t('common:action.cancel')}
          </button>
          <button type="submit" className="primary" disabled={isSubmitting}>
            {t('common:action.save')}
          </button>
        </FormActions>
      </form>
    </Dialog>
  );
}
