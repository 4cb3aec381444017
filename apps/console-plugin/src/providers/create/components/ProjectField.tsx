import type { FC } from 'react';
import { FormGroup, FormSelect, FormSelectOption } from '@patternfly/react-core';
import { useNamespaces } from '../../../hooks/useNamespaces.ts';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import { FieldHelperText } from '../../../components/FieldHelperText.tsx';

type Props = { value: string; onChange: (namespace: string) => void; error?: string };

export const ProjectField: FC<Props> = ({ value, onChange, error }) => {
  const { t } = useForkliftTranslation();
  const namespaces = useNamespaces();
  // The chosen project stays an option even when the list cannot be read or does not have it.
  const options = [...new Set([value, ...(namespaces.data ?? [])])].filter(Boolean).sort();
  return (
    <FormGroup label={t('Project')} isRequired fieldId="provider-project">
      <FormSelect
        id="provider-project"
        value={value}
        onChange={(_event, namespace) => onChange(namespace)}
        validated={error ? 'error' : 'default'}
        data-testid="provider-project-select"
      >
        {options.map((namespace) => (
          <FormSelectOption key={namespace} value={namespace} label={namespace} />
        ))}
      </FormSelect>
      <FieldHelperText
        error={error ?? namespaces.error?.message}
        helper={t(
          'The provider, and the Secret with its credentials, are created in this project.',
        )}
        testId="provider-project-select"
      />
    </FormGroup>
  );
};
