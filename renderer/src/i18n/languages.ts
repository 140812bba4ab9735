import type { MethodInput } from '../../../electron/core/api/types';

/** The core's language type; the list below must name each of them exactly once. */
export type Language = MethodInput<'app.setLanguage'>['language'];

export const LANGUAGES = ['kk', 'ru', 'en'] as const satisfies readonly Language[];

// A compile-time check that LANGUAGES covers every language the core accepts.
type Missing = Exclude<Language, (typeof LANGUAGES)[number]>;
export const LANGUAGES_COMPLETE: Missing extends never ? true : never = true;

export function isLanguage(v: string): v is Language {
  return (LANGUAGES as readonly string[]).includes(v);
}
