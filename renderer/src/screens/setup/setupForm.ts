import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { FieldDef } from '../../forms/FieldGroup';
import type { setupSchema } from '../../forms/schemas';

export type SetupForm = z.input<typeof setupSchema>;

export function adminFieldDefs(t: TFunction): FieldDef<SetupForm>[] {
  return [
    { name: 'admin.login', label: t('setup:admin.login'), hint: t('setup:admin.loginHint'), autoComplete: 'username' },
    { name: 'admin.fullName', label: t('setup:admin.fullName') },
    { name: 'admin.password', label: t('setup:admin.password'), hint: t('auth:passwordRule'), type: 'password', autoComplete: 'new-password' },
    { name: 'admin.confirm', label: t('setup:admin.confirm'), type: 'password', autoComplete: 'new-password' },
  ];
}
