import type { FC } from 'react';
import { Form } from '@patternfly/react-core';
import type { CredentialsFormState } from '../../hooks/useCredentialsForm.ts';
import { isFieldShown } from '../../utils/credentials-form.ts';
import { CredentialInput } from './CredentialInput.tsx';

type Props = { form: Pick<CredentialsFormState, 'fields' | 'values' | 'errors' | 'setValue'> };

/** The credential fields the provider's type asks for, each with its error. */
export const CredentialsForm: FC<Props> = ({ form: { fields, values, errors, setValue } }) => (
  <Form onSubmit={(event) => event.preventDefault()}>
    {fields
      .filter((field) => isFieldShown(field, values))
      .map((field) => (
        <CredentialInput
          key={field.key}
          field={field}
          value={values[field.key] ?? ''}
          error={errors[field.key]}
          onChange={(value) => setValue(field.key, value)}
        />
      ))}
  </Form>
);
