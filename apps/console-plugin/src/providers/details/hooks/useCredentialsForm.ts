import { useState } from 'react';
import type { Provider } from '@forklift-console/api';
import {
  credentialErrors,
  credentialFields,
  credentialsData,
  type CredentialValues,
} from '../utils/credentials-form.ts';

/**
 * The edit-credentials form over the decoded Secret, which may still be loading: the user's edits
 * lie over the stored values, and Save is possible once something changed and all is valid.
 */
export const useCredentialsForm = (provider: Provider, stored: CredentialValues | undefined) => {
  const [edits, setEdits] = useState<CredentialValues>({});
  const initial = stored ?? {};
  const values = { ...initial, ...edits };
  const fields = credentialFields(
    provider.spec?.type,
    Boolean(provider.spec?.url),
    Object.keys(initial),
  );
  const errors = credentialErrors(fields, values);
  const isDirty = fields.some((field) => (values[field.key] ?? '') !== (initial[field.key] ?? ''));
  return {
    fields,
    values,
    errors,
    setValue: (key: string, value: string) => setEdits((current) => ({ ...current, [key]: value })),
    canSave: stored !== undefined && isDirty && Object.keys(errors).length === 0,
    /** The Secret's data to save. */
    data: () => credentialsData(fields, values),
  };
};

export type CredentialsFormState = ReturnType<typeof useCredentialsForm>;
