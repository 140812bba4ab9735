import { useState } from 'react';
import { FormProvider, useForm, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ErrorBody } from '../../../../electron/core/api/types';
import { useApi } from '../../api/ApiProvider';
import { applyCoreError } from '../../forms/coreErrors';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { FieldGroup } from '../../forms/FieldGroup';
import { branchFieldDefs, emptyOrg, operatorFieldDefs } from '../../forms/orgFields';
import { deskResolver } from '../../forms/resolver';
import { setupSchema } from '../../forms/schemas';
import { useLanguage } from '../../i18n/useLanguage';
import { useSession } from '../../session/SessionProvider';
import { LanguageChoice } from './LanguageChoice';
import { adminFieldDefs, type SetupForm } from './setupForm';
import { FormActions } from '../../ui/FormActions';

/** First run: the desk's language, its branch, the personal-data operator, the first admin. */
export function SetupScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const session = useSession();
  const { language } = useLanguage();
  const [formError, setFormError] = useState<ErrorBody | null>(null);
  const form = useForm<SetupForm, unknown, z.output<typeof setupSchema>>({
    resolver: deskResolver(setupSchema),
    mode: 'onTouched',
    defaultValues: { language, ...emptyOrg(), admin: { login: '', fullName: '', password: '', confirm: '' } },
  });
  const { errors, submitCount, isSubmitting } = form.formState;

  const branch = branchFieldDefs<SetupForm>(t);
  const operator = operatorFieldDefs<SetupForm>(t);
  const admin = adminFieldDefs(t);
  const all = [...branch, ...operator, ...admin];
  const names = all.map((d) => d.name);

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const { confirm: _confirm, ...adminInput } = values.admin;
    const r = await api['setup.run']({ ...values, admin: adminInput });
    if (r.ok) session.apply(r.value);
    else setFormError(applyCoreError(r.error, names, form.setError));
  });

  return (
    <div className="setup-page">
      <header className="auth-header">
        <span className="brand">{t('common:appName')}</span>
      </header>
      <main className="setup-main">
        <h1>{t('setup:title')}</h1>
        <p className="lead">{t('setup:intro')}</p>
        <FormProvider {...form}>
          <form onSubmit={(e) => void onSubmit(e)} noValidate>
            <ErrorSummary
              show={submitCount > 0}
              fields={all}
              errors={errors}
              formError={formError}
              onFocusField={(name: Path<SetupForm>) => form.setFocus(name)}
            />
            <LanguageChoice />
            <div className="setup-columns">
              <fieldset>
                <legend>{t('setup:branch.legend')}</legend>
                <FieldGroup defs={branch} idPrefix="setup" />
              </fieldset>
              <fieldset>
                <legend>{t('setup:operator.legend')}</legend>
                <FieldGroup defs={operator} idPrefix="setup" />
              </fieldset>
              <fieldset>
                <legend>{t('setup:admin.legend')}</legend>
                <FieldGroup defs={admin} idPrefix="setup" />
              </fieldset>
            </div>
            <FormActions align="end">
              <button type="submit" className="primary" disabled={isSubmitting}>
                {isSubmitting ? t('setup:submitting') : t('setup:submit')}
              </button>
            </FormActions>
          </form>
        </FormProvider>
      </main>
    </div>
  );
}
