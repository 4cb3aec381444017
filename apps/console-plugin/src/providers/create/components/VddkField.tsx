import type { FC } from 'react';
import { Alert, FormGroup, Radio } from '@patternfly/react-core';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import type { ProviderForm } from '../hooks/useProviderForm.ts';
import { FormTextField } from '../../../components/FormTextField.tsx';

type Props = { form: ProviderForm };

/** VMware's Virtual Disk Development Kit, which Forklift's disk transfer uses when given. */
export const VddkField: FC<Props> = ({ form }) => {
  const { t } = useForkliftTranslation();
  const { values, setField, errorOf } = form;
  return (
    <>
      <FormGroup
        role="radiogroup"
        label={t('Virtual Disk Development Kit (VDDK) setup')}
        isRequired
        fieldId="vddk-mode"
        isStack
      >
        <Radio
          id="vddk-image"
          name="vddk-mode"
          label={t('Specify the VDDK init image')}
          isChecked={values.vddkMode === 'image'}
          onChange={() => setField('vddkMode', 'image')}
          data-testid="vddk-image-radio"
        />
        <Radio
          id="vddk-skip"
          name="vddk-mode"
          label={t('Skip VDDK setup (not recommended)')}
          isChecked={values.vddkMode === 'skip'}
          onChange={() => setField('vddkMode', 'skip')}
          data-testid="vddk-skip-radio"
        />
      </FormGroup>
      {values.vddkMode === 'image' ? (
        <FormTextField
          id="vddk-init-image"
          label={t('VDDK init image')}
          value={values.vddkInitImage}
          onChange={(image) => setField('vddkInitImage', image)}
          isRequired
          placeholder="quay.io/example/vddk:8.0.3"
          helper={t(
            'The container image with the VDDK libraries, built from VMware’s VDDK archive.',
          )}
          error={errorOf('vddkInitImage')}
          testId="vddk-image-input"
        />
      ) : (
        <Alert
          variant="warning"
          isInline
          title={t('Migrations without VDDK are slower')}
          data-testid="vddk-skip-warning"
        >
          {t(
            'Without VDDK, disks are copied by a slower method. Set up a VDDK image for production migrations.',
          )}
        </Alert>
      )}
    </>
  );
};
