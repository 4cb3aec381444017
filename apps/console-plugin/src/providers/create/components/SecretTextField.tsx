import { useState, type FC } from 'react';
import { Button, FormGroup, InputGroup, InputGroupItem, TextInput } from '@patternfly/react-core';
import EyeIcon from '@patternfly/react-icons/dist/esm/icons/eye-icon';
import EyeSlashIcon from '@patternfly/react-icons/dist/esm/icons/eye-slash-icon';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import { FieldHelperText } from './FieldHelperText.tsx';

type Props = {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId: string;
  isRequired?: boolean;
  helper?: string;
  error?: string;
};

/** A password or token: hidden while typed, shown on request to check a paste. */
export const SecretTextField: FC<Props> = ({
  id,
  label,
  value,
  onChange,
  testId,
  isRequired = false,
  helper,
  error,
}) => {
  const { t } = useForkliftTranslation();
  const [isShown, setShown] = useState(false);
  return (
    <FormGroup label={label} isRequired={isRequired} fieldId={id}>
      <InputGroup>
        <InputGroupItem isFill>
          <TextInput
            id={id}
            type={isShown ? 'text' : 'password'}
            value={value}
            onChange={(_event, text) => onChange(text)}
            isRequired={isRequired}
            autoComplete="off"
            validated={error ? 'error' : 'default'}
            data-testid={testId}
          />
        </InputGroupItem>
        <InputGroupItem>
          <Button
            variant="control"
            onClick={() => setShown(!isShown)}
            aria-label={isShown ? t('Hide') : t('Show')}
            icon={isShown ? <EyeSlashIcon /> : <EyeIcon />}
            data-testid={`${testId}-toggle`}
          />
        </InputGroupItem>
      </InputGroup>
      <FieldHelperText error={error} helper={helper} testId={testId} />
    </FormGroup>
  );
};
