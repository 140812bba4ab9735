import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ErrorBody } from '../../../../electron/core/api/types';
import { useApi } from '../../api/ApiProvider';
import { applyCoreError } from '../../forms/coreErrors';
import { deskResolver } from '../../forms/resolver';
import { unlockSchema } from '../../forms/schemas';
import { TextField } from '../../forms/TextField';
import { useErrorText } from '../../forms/useErrorText';
import { useSession } from '../../session/SessionProvider';
import type { SignedInView } from '../../session/types';
import { FormActions } from '../../ui/FormActions';

/**
 * Covers the desk while it is locked. It is an overlay, not a screen change: the desk under
 * it (and any half-filled form) stays mounted, made inert, and is back as it was on unlock.
 * It is opaque, so nobody walking past reads a patient's details.
 */
export function LockScreen({ view }: { view: SignedInView }) {
  const { t } = useTranslation();
  const api = useApi();
  const session = useSession();
  const errorText = useErrorText();
  const [formError, setFormError] = useState<ErrorBody | null>(null);
  const form = useForm({ resolver: deskResolver(unlockSchema), mode: 'onTouched', defaultValues: { password: '' } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async ({ password }) => {
    setFormError(null);
    const r = await api['auth.unlock']({ password });
    if (r.ok) {
      session.apply(r.value);
      return;
    }
    setFormError(applyCoreError(r.error, ['password'], form.setError));
    form.resetField('password');
    form.setFocus('password');
  });

  return (
    <div className="lock-overlay" role="dialog" aria-modal="true" aria-labelledby="lock-title">
      <form className="lock-card" onSubmit={(e) => void onSubmit(e)} noValidate>
        <h1 id="lock-title">{t('auth:lock.title')}</h1>
        <p>{t('auth:lock.who', { name: view.staff.fullName, role: t(`common:role.${view.staff.role}`) })}</p>
        {formError ? (
          <p className="form-error" role="alert">
            {errorText(formError)}
          </p>
        ) : null}
        <TextField
          id="unlock-password"
          label={t('auth:lock.password')}
          type="password"
          registration={form.register('password')}
          error={errors.password?.message}
          autoComplete="current-password"
          autoFocus
          required
        />
        <FormActions>
          <button type="submit" className="primary" disabled={isSubmitting}>
            {t('auth:lock.unlock')}
          </button>
          <button type="button" onClick={() => void session.logout()}>
            {t('auth:logout')}
          </button>
        </FormActions>
      </form>
    </div>
  );
}
