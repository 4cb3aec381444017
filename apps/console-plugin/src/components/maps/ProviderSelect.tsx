import type { FC } from 'react';
import { FormGroup, FormSelect, FormSelectOption } from '@patternfly/react-core';
import type { Provider } from '@forklift-console/api';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { providerKey } from '../../utils/map-form.ts';
import { FieldHelperText } from '../FieldHelperText.tsx';

type Props = {
  id: string;
  label: string;
  providers: readonly Provider[];
  value: string;
  /** The chosen provider's `providerKey`. */
  onChange: (key: string) => void;
  error?: string;
  helper: string;
};

/** A required choice among the project's providers, shown with their type. */
export const ProviderSelect: FC<Props> = ({
  id,
  label,
  providers,
  value,
  onChange,
  error,
  helper,
}) => {
  const { t } = useForkliftTranslation();
  return (
    <FormGroup label={label} isRequired fieldId={id}>
      <FormSelect
        id={id}
        value={value}
        onChange={(_event, key) => onChange(key)}
        validated={error ? 'error' : 'default'}
        data-testid={id}
      >
        <FormSelectOption value="" label={t('Select a provider')} isPlaceholder />
        {providers.map((provider) => (
          <FormSelectOption
            key={provider.metadata?.uid}
            value={providerKey(provider)}
            label={`${provider.metadata?.namespace}/${provider.metadata?.name} (${provider.spec?.type})`}
          />
        ))}
      </FormSelect>
      <FieldHelperText error={error} helper={helper} testId={id} />
    </FormGroup>
  );
};
