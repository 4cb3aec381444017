import { useState, type FC } from 'react';
import {
  Button,
  InputGroup,
  InputGroupItem,
  TextInput,
  type TextInputProps,
} from '@patternfly/react-core';
import EyeIcon from '@patternfly/react-icons/dist/esm/icons/eye-icon';
import EyeSlashIcon from '@patternfly/react-icons/dist/esm/icons/eye-slash-icon';
import { useForkliftTranslation } from '../utils/i18n.ts';

type Props = {
  id: string;
  value: string;
  onChange: (value: string) => void;
  validated: TextInputProps['validated'];
  /** The input's test id; the show/hide button's is the same with `-toggle`. */
  testId: string;
  isRequired?: boolean;
  placeholder?: string;
};

/** A password or token: hidden while typed, shown on request to check a paste. */
export const SecretInput: FC<Props> = ({
  id,
  value,
  onChange,
  validated,
  testId,
  isRequired = false,
  placeholder,
}) => {
  const { t } = useForkliftTranslation();
  const [isShown, setShown] = useState(false);
  return (
    <InputGroup>
      <InputGroupItem isFill>
        <TextInput
          id={id}
          type={isShown ? 'text' : 'password'}
          value={value}
          onChange={(_event, text) => onChange(text)}
          isRequired={isRequired}
          placeholder={placeholder}
          autoComplete="off"
          validated={validated}
          data-testid={testId}
        />
      </InputGroupItem>
      <InputGroupItem>
        <Button
          variant="control"
          onClick={() => setShown(!isShown)}
          aria-label={isShown ? t('Hide the value') : t('Show the value')}
          icon={isShown ? <EyeSlashIcon /> : <EyeIcon />}
          data-testid={`${testId}-toggle`}
        />
      </InputGroupItem>
    </InputGroup>
  );
};
