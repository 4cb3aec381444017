import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { I18N_NAMESPACE } from '@forklift-console/console-plugin/utils/i18n.ts';
import catalogue from '../../../locales/en/plugin__forklift-console-plugin.json';

// Keys are English sentences, which contain '.' and ':'; the console separates namespace and key
// with '~', as in console-extensions.json's `%namespace~Key%`.
export const initI18n = () =>
  i18next.use(initReactI18next).init({
    lng: 'en',
    fallbackLng: 'en',
    resources: { en: { [I18N_NAMESPACE]: catalogue } },
    ns: [I18N_NAMESPACE],
    defaultNS: I18N_NAMESPACE,
    keySeparator: false,
    nsSeparator: '~',
    interpolation: { escapeValue: false },
  });
