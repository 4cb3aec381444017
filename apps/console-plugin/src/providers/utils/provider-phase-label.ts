import type { Translate } from './translate.ts';

/** The phase as users read it; a phase this console does not know is shown as Forklift wrote it. */
export const providerPhaseLabel = (phase: string, t: Translate): string => {
  switch (phase) {
    case 'Ready':
      return t('Ready');
    case 'Staging':
      return t('Staging');
    case 'ValidationFailed':
      return t('Validation failed');
    case 'ConnectionFailed':
      return t('Connection failed');
    case 'Unknown':
      return t('Unknown');
    default:
      return phase;
  }
};
