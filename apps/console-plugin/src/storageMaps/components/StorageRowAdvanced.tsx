import type { FC } from 'react';
import {
  Button,
  Checkbox,
  ExpandableSection,
  FormGroup,
  FormSelect,
  FormSelectOption,
  Grid,
  GridItem,
  HelperText,
  HelperTextItem,
  TextInput,
  Title,
} from '@patternfly/react-core';
import { STORAGE_VENDOR_PRODUCTS } from '@forklift-console/api';
import type { SourceOption } from '../../utils/map-inventory.ts';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { NO_OFFLOAD, type StorageRow } from '../utils/storage-rows.ts';

type Props = {
  row: StorageRow;
  index: number;
  onChange: (change: Partial<StorageRow>) => void;
  /** The vSphere source's ESXi hosts; offload options are shown only for a vSphere source. */
  hosts: readonly SourceOption[] | undefined;
  offloadError?: string;
};

/** Volume mode, access mode and, for a vSphere source, the copy-offload options of one row. */
export const StorageRowAdvanced: FC<Props> = ({ row, index, onChange, hosts, offloadError }) => {
  const { t } = useForkliftTranslation();
  const id = `storage-row-${index}`;
  const { offload } = row;
  const toggleHost = (host: string, checked: boolean) =>
    onChange({
      offload: {
        ...offload,
        dedicatedMigrationHosts: checked
          ? [...offload.dedicatedMigrationHosts, host]
          : offload.dedicatedMigrationHosts.filter((candidate) => candidate !== host),
      },
    });

  return (
    <ExpandableSection
      toggleText={t('Advanced options (optional)')}
      isIndented
      data-testid={`${id}-advanced`}
    >
      <Grid hasGutter md={6}>
        <GridItem>
          <FormGroup label={t('Volume mode')} fieldId={`${id}-volume-mode`}>
            <FormSelect
              id={`${id}-volume-mode`}
              value={row.volumeMode}
              onChange={(_event, value) =>
                onChange({ volumeMode: value as StorageRow['volumeMode'] })
              }
              data-testid="storage-row-volume-mode"
            >
              <FormSelectOption value="" label={t('Default (from the storage profile)')} />
              <FormSelectOption value="Filesystem" label={t('Filesystem')} />
              <FormSelectOption value="Block" label={t('Block')} />
            </FormSelect>
          </FormGroup>
        </GridItem>
        <GridItem>
          <FormGroup label={t('Access mode')} fieldId={`${id}-access-mode`}>
            <FormSelect
              id={`${id}-access-mode`}
              value={row.accessMode}
              onChange={(_event, value) =>
                onChange({ accessMode: value as StorageRow['accessMode'] })
              }
              data-testid="storage-row-access-mode"
            >
              <FormSelectOption value="" label={t('Default')} />
              <FormSelectOption value="ReadWriteOnce" label={t('ReadWriteOnce (RWO)')} />
              <FormSelectOption value="ReadWriteMany" label={t('ReadWriteMany (RWX)')} />
              <FormSelectOption value="ReadOnlyMany" label={t('ReadOnlyMany (ROX)')} />
            </FormSelect>
          </FormGroup>
        </GridItem>
      </Grid>
      {hosts && (
        <div className="pf-v6-u-mt-md" data-testid="storage-row-offload">
          <Title headingLevel="h4">{t('Offload options (optional)')}</Title>
          <Grid hasGutter md={6}>
            <GridItem>
              <FormGroup label={t('Storage secret')} fieldId={`${id}-offload-secret`}>
                <TextInput
                  id={`${id}-offload-secret`}
                  value={offload.secretRef}
                  onChange={(_event, secretRef) => onChange({ offload: { ...offload, secretRef } })}
                  placeholder={t('Name of a Secret in the project')}
                  data-testid="storage-row-offload-secret"
                />
              </FormGroup>
            </GridItem>
            <GridItem>
              <FormGroup label={t('Storage product')} fieldId={`${id}-offload-product`}>
                <FormSelect
                  id={`${id}-offload-product`}
                  value={offload.storageVendorProduct}
                  onChange={(_event, storageVendorProduct) =>
                    onChange({ offload: { ...offload, storageVendorProduct } })
                  }
                  data-testid="storage-row-offload-product"
                >
                  <FormSelectOption value="" label={t('Select a storage product')} />
                  {STORAGE_VENDOR_PRODUCTS.map((product) => (
                    <FormSelectOption
                      key={product.value}
                      value={product.value}
                      label={product.label}
                    />
                  ))}
                </FormSelect>
              </FormGroup>
            </GridItem>
          </Grid>
          <FormGroup
            label={t('Dedicated migration hosts')}
            fieldId={`${id}-offload-hosts`}
            role="group"
            className="pf-v6-u-mt-sm"
          >
            {hosts.length === 0 && t('The provider has no ESXi hosts in its inventory.')}
            {hosts.map((host) => (
              <Checkbox
                key={host.key}
                id={`${id}-host-${host.key}`}
                label={host.label}
                isChecked={offload.dedicatedMigrationHosts.includes(host.key)}
                onChange={(_event, checked) => toggleHost(host.key, checked)}
                data-testid="storage-row-offload-host"
              />
            ))}
          </FormGroup>
          {offloadError && (
            <HelperText className="pf-v6-u-mt-sm">
              <HelperTextItem variant="error" data-testid="storage-row-offload-error">
                {offloadError}
              </HelperTextItem>
            </HelperText>
          )}
          <Button
            variant="link"
            isInline
            onClick={() => onChange({ offload: NO_OFFLOAD })}
            data-testid="storage-row-offload-clear"
          >
            {t('Clear offload options')}
          </Button>
        </div>
      )}
    </ExpandableSection>
  );
};
