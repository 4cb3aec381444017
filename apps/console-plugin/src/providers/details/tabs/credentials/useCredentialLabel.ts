import { useForkliftTranslation } from '../../../../utils/i18n.ts';

/** The name users know a Secret key by; keys the form does not know show as they are. */
export const useCredentialLabel = (): ((key: string) => string) => {
  const { t } = useForkliftTranslation();
  return (key) => {
    switch (key) {
      case 'user':
      case 'username':
        return t('Username');
      case 'password':
        return t('Password');
      case 'token':
        return t('Service account bearer token');
      case 'insecureSkipVerify':
        return t('Skip certificate validation');
      case 'cacert':
        return t('CA certificate');
      default:
        return key;
    }
  };
};
