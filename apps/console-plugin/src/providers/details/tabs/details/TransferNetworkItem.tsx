import type { FC } from 'react';
import { Button, Label } from '@patternfly/react-core';
import PencilAltIcon from '@patternfly/react-icons/dist/esm/icons/pencil-alt-icon';
import type { Provider } from '@forklift-console/api';
import { useForkliftTranslation } from '../../../../utils/i18n.ts';
import { DetailItem } from '../../components/DetailItem.tsx';
import { defaultTransferNetworkOf } from '../../utils/openshift-networks.ts';

type Props = { provider: Provider; isEditDisabled: boolean; onEdit: () => void };

/** The provider's default transfer network, `namespace/name`, or the pod network when none is set. */
export const TransferNetworkItem: FC<Props> = ({ provider, isEditDisabled, onEdit }) => {
  const { t } = useForkliftTranslation();
  const network = defaultTransferNetworkOf(provider);
  return (
    <DetailItem term={t('Default transfer network')} testId="details-transfer-network">
      {network ?? (
        <Label color="grey" isCompact>
          {t('Default network')}
        </Label>
      )}
      <Button
        variant="plain"
        icon={<PencilAltIcon />}
        aria-label={t('Set default transfer network')}
        onClick={onEdit}
        isDisabled={isEditDisabled}
        data-testid="edit-transfer-network"
      />
    </DetailItem>
  );
};
