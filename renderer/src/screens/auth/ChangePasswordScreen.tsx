import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ErrorBody } from '../../../../electron/core/api/types';
import { useApi } from '../../api/ApiProvider';
import { applyCoreError } from '../../forms/coreErrors';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { deskResolver } from '../../forms/resolver';
import { changePasswordSchema } from '../../forms/schemas';
import { TextField } from '../../forms/TextField';
import { useSession } from '../../session/SessionProvider';
import type { SignedInView } from '../../session/types';
import { AuthLayout } from './AuthLayout';
import { FormActions } from '../../ui/FormActions';

const FIELDS = ['current', 'next', 'confirm'] as const;

/** After an admin created or reset the account: the temporary password must be replaced. */
export function ChangePasswordScreen({ view }: { view: SignedInView }) {
  const { t } = useTranslation();
  const api = useApi();
  const session = useSession();
  const [formError, setFormError] = useState<ErrorBody | null>(null);
  const form = useForm({ resolver: deskResolver(changePasswordSchema), mode: 'onTouched', defaultValues: { current: '', next: '', confirm: '' } });
  const { errors, submitCount, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async ({ current, next }) => {
    setFormError(null);
    const r = await api['auth.changePassword']({ current, next });
    if (r.ok) session.apply(r.value);
    else setFormError(applyCoreError(r.error, FIELDS, form.setError));
  });

  const labels = { current: t('auth:change.current'), next: t('auth:change.next'), confirm: t('auth:change.confirm') };
  return (
    <AuthLayout title={t('auth:change.title')}>
      <p className="lead">{t('auth:change.intro', { name: view.staff.fullName })}</p>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <ErrorSummary
          show={submitCount > 0}
          fields={FIELDS.map((name) => ({ name, label: labels[name] }))}
          errors={errors}
          formError={formError}
          onFocusField={(name) => form.setFocus(name)}
        />
        <TextField id="change-current" label={labels.current} type="password" registration={form.register('current')} error={errors.current?.message} autoComplete="current-password" autoFocus required />
        <TextField
          id="change-next"
          label={labels.next}
          type="password"
          registration={form.register('next')}
          error={errors.next?.message}
          autoComplete="new-password"
          hint={t('auth:passwordRule')}
          required
        />
        <TextField id="change-confirm" label={labels.confirm} type="password" registration={form.register('confirm')} error={errors.confirm?.message} autoComplete="new-password" required />
        <FormActions>
          <button type="submit" className="primary" disabled={isSubmitting}>
            {t('auth:change.submit')}
          </button>
          <button type="button" onClick={() => void session.logout()}>
            {t('auth:logout')}
          </button>
        </FormActions>
      </form>
    </AuthLayout>
  );
}
