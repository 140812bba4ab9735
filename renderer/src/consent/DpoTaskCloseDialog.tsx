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
import type { DpoTask } from './types';
import { useConsentErrorText } from './useConsentErrorText';

const schema = z.object({ note: text(1000) });

/** "Mark done" needs a note: what was done is the record of the task, kept with it. */
export function DpoTaskCloseDialog({ task, onClose, onDone }: { task: DpoTask; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useConsentErrorText();
  const [formError, setFormError] = useState<ErrorBody | null>(null);
  const form = useForm({ resolver: deskResolver(schema), mode: 'onTouched', defaultValues: { note: '' } });
  const { errors, isSubmitting, isDirty } = form.formState;

  const onSubmit = form.handleSubmit(async ({ note }) => {
    setFormError(null);
    const r = await api['dpo.tasks.close']({ id: task.id, note });
    if (r.ok) onDone();
    else setFormError(applyCoreError(r.error, ['note'], form.setError));
  });

  return (
    <Dialog title={t('consent:tasks.closeTitle', { name: `${task.surname} ${task.givenName}` })} onClose={onClose} dirty={isDirty}>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        {formError ? (
          <p className="form-error" role="alert">
            {errorText(formError)}
          </p>
        ) : null}
        <TextField id="dpo-note" label={t('consent:tasks.note')} hint={t('consent:tasks.noteHint')} registration={form.register('note')} error={errors.note?.message} autoFocus required />
        <FormActions align="end">
          <button type="button" onClick={onClose}>
            {t('common:action.cancel')}
          </button>
          <button type="submit" className="primary" disabled={isSubmitting}>
            {t('consent:tasks.markDone')}
          </button>
        </FormActions>
      </form>
    </Dialog>
  );
}
