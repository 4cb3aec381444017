import type { FC } from 'react';
import { Button, FormGroup, InputGroup, InputGroupItem, TextInput } from '@patternfly/react-core';
import { MinusCircleIcon, PlusCircleIcon } from '@patternfly/react-icons';
import { MAX_DECRYPTION_PASSPHRASES } from '@forklift-console/api';
import { FieldHelperText } from '../../../components/FieldHelperText.tsx';
import { useForkliftTranslation } from '../../../utils/i18n.ts';

type Props = {
  passphrases: readonly string[];
  onChange: (passphrases: string[]) => void;
  error?: string;
};

/** Up to 20 LUKS passphrases, hidden as typed; the BFF stores them in a plan-owned Secret. */
export const PassphrasesField: FC<Props> = ({ passphrases, onChange, error }) => {
  const { t } = useForkliftTranslation();
  const set = (index: number, value: string) =>
    onChange(passphrases.map((old, at) => (at === index ? value : old)));
  return (
    <FormGroup label={t('Disk decryption passphrases')} fieldId="passphrase-0">
      {passphrases.map((passphrase, index) => (
        <InputGroup key={index} className="pf-v6-u-mb-xs">
          <InputGroupItem isFill>
            <TextInput
              id={`passphrase-${index}`}
              type="password"
              aria-label={t('Passphrase {{number}}', { number: index + 1 })}
              value={passphrase}
              onChange={(_event, value) => set(index, value)}
              data-testid={`passphrase-${index}`}
            />
          </InputGroupItem>
          <InputGroupItem>
            <Button
              variant="plain"
              aria-label={t('Remove passphrase {{number}}', { number: index + 1 })}
              icon={<MinusCircleIcon />}
              isDisabled={passphrases.length === 1}
              onClick={() => onChange(passphrases.filter((_old, at) => at !== index))}
            />
          </InputGroupItem>
        </InputGroup>
      ))}
      <Button
        variant="link"
        icon={<PlusCircleIcon />}
        isDisabled={passphrases.length >= MAX_DECRYPTION_PASSPHRASES}
        onClick={() => onChange([...passphrases, ''])}
        data-testid="passphrase-add"
      >
        {t('Add passphrase')}
      </Button>
      <FieldHelperText
        error={error}
        helper={t(
          'The passphrases of the LUKS-encrypted disks; leave empty when no disk is encrypted.',
        )}
        testId="passphrases"
      />
    </FormGroup>
  );
};
