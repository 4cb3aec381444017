import { useTranslation } from 'react-i18next';

/** The console loads plugin catalogues by namespace; ours is locales/en/<this>.json. */
export const I18N_NAMESPACE = 'plugin__forklift-console-plugin';

export const useForkliftTranslation = () => useTranslation(I18N_NAMESPACE);
