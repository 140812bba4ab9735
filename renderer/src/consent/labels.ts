import type { TFunction } from 'i18next';
import type { Language } from '../i18n/languages';
import type { ConsentRecord, PurposeDef } from './types';

/** A purpose's label in the UI language; an id from an older text version shows as itself. */
export function purposeLabel(id: string, defs: readonly PurposeDef[], language: Language): string {
  return defs.find((p) => p.id === id)?.label[language] ?? id;
}

/** "Patient", or "Full Name, representative (birth certificate)". */
export function signerText(t: TFunction, signer: ConsentRecord['signer']): string {
  if (signer.kind === 'subject') return t('consent:signer.subject');
  return t('consent:signer.representative', { name: signer.fullName, basis: t(`consent:basis.${signer.basis}`) });
}
