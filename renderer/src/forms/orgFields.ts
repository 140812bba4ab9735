import type { TFunction } from 'i18next';
import type { Path } from 'react-hook-form';
import type { FieldDef } from './FieldGroup';

/** The branch and operator fields, shared by first-run setup and Settings. */
export interface OrgForm {
  branch: { code: string; name: string; address: string };
  operator: {
    legalNameKk: string;
    legalNameRu: string;
    bin: string;
    postalAddress: string;
    directorName: string;
    directorNameRuDative: string;
  };
}

/** Typed for any form that contains the org fields (setup, settings). */
export function branchFieldDefs<T extends OrgForm>(t: TFunction): FieldDef<T>[] {
  return [
    { name: 'branch.code' as Path<T>, label: t('setup:branch.code'), hint: t('setup:branch.codeHint') },
    { name: 'branch.name' as Path<T>, label: t('setup:branch.name'), hint: t('setup:branch.nameHint') },
    { name: 'branch.address' as Path<T>, label: t('setup:branch.address') },
  ];
}

export function operatorFieldDefs<T extends OrgForm>(t: TFunction): FieldDef<T>[] {
  return [
    { name: 'operator.legalNameKk' as Path<T>, label: t('setup:operator.legalNameKk') },
    { name: 'operator.legalNameRu' as Path<T>, label: t('setup:operator.legalNameRu') },
    { name: 'operator.bin' as Path<T>, label: t('setup:operator.bin'), hint: t('setup:operator.binHint'), inputMode: 'numeric' },
    { name: 'operator.postalAddress' as Path<T>, label: t('setup:operator.postalAddress') },
    { name: 'operator.directorName' as Path<T>, label: t('setup:operator.directorName') },
    { name: 'operator.directorNameRuDative' as Path<T>, label: t('setup:operator.directorNameRuDative'), hint: t('setup:operator.directorNameRuDativeHint') },
  ];
}

export function emptyOrg(): OrgForm {
  return {
    branch: { code: '', name: '', address: '' },
    operator: { legalNameKk: '', legalNameRu: '', bin: '', postalAddress: '', directorName: '', directorNameRuDative: '' },
  };
}
