import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { maskDate } from '../format';
import { deskResolver } from '../forms/resolver';
import { auditFilterSchema } from '../forms/schemas';
import { SelectField } from '../forms/SelectField';
import { TextField } from '../forms/TextField';
import { flattenKeys, EMPTY_FILTER, type AuditFilterValues } from './auditTypes';
import { FormActions } from '../ui/FormActions';

/** Filters for the log; Enter in a text field applies them. Dates are typed dd.MM.yyyy. */
export function AuditFilters({ staff, onApply }: { staff: ReadonlyMap<string, string>; onApply(f: AuditFilterValues): void }) {
  const { t, i18n } = useTranslation();
  const form = useForm({ resolver: deskResolver(auditFilterSchema), mode: 'onTouched', defaultValues: { ...EMPTY_FILTER } });
  const { errors } = form.formState;
  // Every action with a translation is offered; features that add actions add their names.
  const actions = flattenKeys(i18n.getResource(i18n.language, 'audit', 'action'))
    .map((a) => ({ value: a, label: t(`audit:action.${a}`) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const dateField = (name: 'from' | 'to') =>
    form.register(name, { onChange: (e: { target: { value: string } }) => form.setValue(name, maskDate(e.target.value)) });

  return (
    <form className="filters" onSubmit={(e) => void form.handleSubmit(onApply)(e)} noValidate aria-label={t('audit:filters')}>
      <SelectField
        id="audit-action"
        label={t('audit:filter.action')}
        registration={form.register('action')}
        options={[{ value: '', label: t('audit:filter.anyAction') }, ...actions]}
      />
      <SelectField
        id="audit-staff"
        label={t('audit:filter.staff')}
        registration={form.register('staffId')}
        options={[{ value: '', label: t('audit:filter.anyone') }, ...[...staff].map(([id, name]) => ({ value: id, label: name }))]}
      />
      <TextField id="audit-entity" label={t('audit:filter.entityId')} registration={form.register('entityId')} error={errors.entityId?.message} />
      <TextField id="audit-from" label={t('audit:filter.from')} registration={dateField('from')} error={errors.from?.message} inputMode="numeric" hint={t('common:dateFormatHint')} />
      <TextField id="audit-to" label={t('audit:filter.to')} registration={dateField('to')} error={errors.to?.message} inputMode="numeric" hint={t('common:dateFormatHint')} />
      <FormActions className="filters-actions">
        <button type="submit" className="primary">
          {t('audit:filter.apply')}
        </button>
        <button
          type="button"
          onClick={() => {
            form.reset({ ...EMPTY_FILTER });
            onApply({ ...EMPTY_FILTER });
          }}
        >
          {t('audit:filter.clear')}
        </button>
      </FormActions>
    </form>
  );
}
