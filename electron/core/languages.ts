/** The UI languages. Isomorphic: the renderer imports this too. */
export const LANGUAGES = ['kk', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
