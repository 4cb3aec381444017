/**
 * The translation function as plain functions take it, so that validators and label maps can call
 * t('…') with literal keys (which the catalogue picks up) and stay testable without i18next.
 */
export type Translate = (key: string, options?: Record<string, string | number>) => string;
