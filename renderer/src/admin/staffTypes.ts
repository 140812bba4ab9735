import type { TFunction } from 'i18next';
import type { MethodOutput } from '../../../electron/core/api/types';
import type { Role } from '../session/types';

export type StaffItem = MethodOutput<'staff.list'>[number];

export const ROLE_LIST = ['receptionist', 'manager', 'admin'] as const satisfies readonly Role[];

export function roleOptions(t: TFunction): { value: Role; label: string }[] {
  return ROLE_LIST.map((r) => ({ value: r, label: t(`common:role.${r}`) }));
}
