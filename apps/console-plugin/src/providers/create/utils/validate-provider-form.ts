// Which fields of the create form block Create, and which only deserve a warning.
import type { Translate } from '../../utils/translate.ts';
import {
  isRemoteOpenshift,
  usesCertificate,
  type ProviderFormField,
  type ProviderFormValues,
} from './provider-form.ts';
import {
  caCertificateError,
  httpsUrlError,
  imageReferenceError,
  nfsShareError,
  providerNameError,
  secretFieldError,
  vsphereUrlWarning,
} from './validate-provider-fields.ts';

export type FieldMessages = Partial<Record<ProviderFormField, string>>;

export type ProviderFormValidation = {
  errors: FieldMessages;
  warnings: FieldMessages;
  isValid: boolean;
};

type Context = { existingNames: readonly string[]; t: Translate };

const typeErrors = (values: ProviderFormValues, t: Translate): FieldMessages => {
  switch (values.type) {
    case 'vsphere':
      return {
        url: httpsUrlError(values.url, t),
        vddkInitImage:
          values.vddkMode === 'image' ? imageReferenceError(values.vddkInitImage, t) : undefined,
        username: secretFieldError(values.username, t('A username is required.'), t),
        password: secretFieldError(values.password, t('A password is required.'), t),
      };
    case 'ova':
      return { url: nfsShareError(values.url, t) };
    case 'openshift':
      return isRemoteOpenshift(values)
        ? {
            url: httpsUrlError(values.url, t),
            token: secretFieldError(
              values.token,
              t('A service account token is required for a remote cluster.'),
              t,
            ),
          }
        : {};
    default:
      return { type: t('Choose a provider type.') };
  }
};

const defined = (messages: FieldMessages): FieldMessages =>
  Object.fromEntries(
    Object.entries(messages).filter(([, message]) => message !== undefined),
  ) as FieldMessages;

export const validateProviderForm = (
  values: ProviderFormValues,
  { existingNames, t }: Context,
): ProviderFormValidation => {
  const errors = defined({
    namespace: values.namespace === '' ? t('A project is required.') : undefined,
    name: providerNameError(values.name, existingNames, values.namespace, t),
    ...typeErrors(values, t),
    caCertificate:
      usesCertificate(values) && values.certificateMode === 'custom'
        ? caCertificateError(values.caCertificate, t)
        : undefined,
  });
  const warnings = defined({
    url: values.type === 'vsphere' && !errors.url ? vsphereUrlWarning(values.url, t) : undefined,
  });
  return { errors, warnings, isValid: Object.keys(errors).length === 0 };
};
