import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ErrorBody } from '../../../../electron/core/api/types';
import { useApi } from '../../api/ApiProvider';
import { applyCoreError } from '../../forms/coreErrors';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { deskResolver } from '../../forms/resolver';
import { loginSchema } from '../../forms/schemas';
import { TextField } from '../../forms/TextField';
import { useSession } from '../../session/SessionProvider';
import { AuthLayout } from './AuthLayout';
import { FormActions } from '../../ui/FormActions';

const FIELDS = ['login', 'password'] as const;

export function LoginScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const session = useSession();
  const [formError, setFormError] = useState<ErrorBody | null>(null);
  const form = useForm({ resolver: deskResolver(loginSchema), mode: 'onTouched', defaultValues: { login: '', password: '' } });
  const { errors, submitCount, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const r = await api['auth.login'](values);
    if (r.ok) {
      session.apply(r.value);
      return;
    }
    setFormError(applyCoreError(r.error, FIELDS, form.setError));
    // A refused password is typed again from scratch; the login stays.
    if (r.error.code !== 'validation') {
      form.resetField('password');
      form.setFocus('password');
    }
  });

  return (
    <AuthLayout title={t('auth:login.title')}>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <ErrorSummary
          show={submitCount > 0}
          fields={[
            { name: 'login', label: t('auth:login.login') },
            { name: 'password', label: t('auth:login.password') },
          ]}
          errors={errors}
          formError={formError}
          onFocusField={(name) => form.setFocus(name)}
        />
        <TextField id="login-login" label={t('auth:login.login')} registration={form.register('login')} error={errors.login?.message} autoComplete="username" autoFocus required />
        <TextField
          id="login-password"
          label={t('auth:login.password')}
          type="password"
          registration={form.register('password')}
          error={errors.password?.message}
          autoComplete="current-password"
          required
        />
        <FormActions>
          <button type="submit" className="primary" disabled={isSubmitting}>
            {t('auth:login.submit')}
          </button>
        </FormActions>
      </form>
    </AuthLayout>
  );
}
