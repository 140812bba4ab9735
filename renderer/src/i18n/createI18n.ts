import { createInstance, type i18n, type Resource, type ResourceLanguage } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from './languages';

/**
 * Every JSON under resources/locales/<lang>/ is a namespace, bundled at build time. Other
 * features add their own namespace files and nothing here changes.
 */
const files = import.meta.glob<Record<string, unknown>>('../../../resources/locales/*/*.json', { eager: true, import: 'default' });

function collectResources(): { resources: Resource; namespaces: string[] } {
  const resources: Record<string, ResourceLanguage> = {};
  const namespaces = new Set<string>();
  for (const [file, content] of Object.entries(files)) {
    const m = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(file);
    if (!m?.[1] || !m[2]) continue;
    const lang = (resources[m[1]] ??= {});
    lang[m[2]] = content;
    namespaces.add(m[2]);
  }
  return { resources, namespaces: [...namespaces] };
}

export async function createI18n(language: Language): Promise<i18n> {
  const { resources, namespaces } = collectResources();
  const instance = createInstance();
  await instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'ru',
    ns: namespaces,
    defaultNS: 'common',
    // React escapes what it renders; escaping here too would show "&amp;" in names.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
