import { useState } from 'react';
import { FormProvider, useForm, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ErrorBody } from '../../../electron/core/api/types';
import { useApi } from '../api/ApiProvider';
import { applyCoreError } from '../forms/coreErrors';
import { ErrorSummary } from '../forms/ErrorSummary';
import { FieldGroup, type FieldDef } from '../forms/FieldGroup';
import { branchFieldDefs, operatorFieldDefs } from '../forms/orgFields';
import { deskResolver } from '../forms/resolver';
import { settingsSchema } from '../forms/schemas';
import { useSession } from '../session/SessionProvider';
import { StatusMessage } from '../ui/StatusMessage';
import { FormActions } from '../ui/FormActions';

export type SettingsValues = z.input<typeof settingsSchema>;

/** The branch, the personal-data operator (as printed on forms), and the idle lock time. */
export function SettingsForm({ initial }: { initial: SettingsValues }) {
  const { t } = useTranslation();
  const api = useApi();
  const session = useSession();
  const [formError, setFormError] = useState<ErrorBody | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm<SettingsValues, unknown, z.output<typeof settingsSchema>>({
    resolver: deskResolver(settingsSchema),
    mode: 'onTouched',
    defaultValues: initial,
  });
  const { errors, submitCount, isSubmitting } = form.formState;

  const branch = branchFieldDefs<SettingsValues>(t);
  const operator = operatorFieldDefs<SettingsValues>(t);
  const deskDefs: FieldDef<SettingsValues>[] = [
    { name: 'desk.idleLockMinutes', label: t('admin:settings.idleLockMinutes'), hint: t('admin:settings.idleLockHint'), type: 'number', inputMode: 'numeric' },
  ];
  const all = [...branch, ...operator, ...deskDefs];

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    setSaved(false);
    const r = await api['settings.update'](values);
    if (!r.ok) {
      setFormError(applyCoreError(r.error, all.map((d) => d.name), form.setError));
      return;
    }
    form.reset(values);
    setSaved(true);
    // The status bar shows the branch, and the idle timer uses the new limit.
    await session.refresh();
  });

  return (
    <FormProvider {...form}>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <ErrorSummary show={submitCount > 0} fields={all} errors={errors} formError={formError} onFocusField={(n: Path<SettingsValues>) => form.setFocus(n)} />
        <div className="settings-columns">
          <fieldset>
            <legend>{t('setup:branch.legend')}</legend>
            <FieldGroup defs={branch} idPrefix="settings" />
          </fieldset>
          <fieldset>
            <legend>{t('setup:operator.legend')}</legend>
            <FieldGroup defs={operator} idPrefix="settings" />
          </fieldset>
          <fieldset>
            <legend>{t('admin:settings.deskLegend')}</legend>
            <FieldGroup defs={deskDefs} idPrefix="settings" />
          </fieldset>
        </div>
        <FormActions align="end">
          <StatusMessage text={saved ? t('admin:settings.saved') : null} />
          <button type="submit" className="primary" disabled={isSubmitting}>
            {t('common:action.save')}
          </button>
        </FormActions>
      </form>
    </FormProvider>
  );
}
