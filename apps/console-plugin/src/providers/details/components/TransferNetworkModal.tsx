import { useState, type FC } from 'react';
import { Form, FormGroup, FormSelect, FormSelectOption } from '@patternfly/react-core';
import type { Provider } from '@forklift-console/api';
import { MutationModal } from '../../../components/MutationModal.tsx';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import { useProviderInventory } from '../hooks/useProviderInventory.ts';
import { useSaveProvider } from '../hooks/useProviderMutations.ts';
import {
  defaultTransferNetworkOf,
  transferNetworkChoices,
  transferNetworkPatch,
  type InventoryNad,
} from '../utils/openshift-networks.ts';

// The select's value for the pod network, which no NAD name can be (they hold a slash).
const POD_NETWORK = '';

/**
 * Picks the network plans with this provider as target copy disks over by default: one of the
 * provider's NetworkAttachmentDefinitions, or the pod network (the annotation removed).
 */
export const TransferNetworkModal: FC<{ provider: Provider; onClose: () => void }> = ({
  provider,
  onClose,
}) => {
  const { t } = useForkliftTranslation();
  const { name = '', namespace = '' } = provider.metadata ?? {};
  const stored = defaultTransferNetworkOf(provider);
  const [chosen, setChosen] = useState(stored ?? POD_NETWORK);
  const nads = useProviderInventory<InventoryNad[]>(
    provider,
    '/networkattachmentdefinitions?detail=1',
  );
  const save = useSaveProvider(namespace, name);
  const choices = transferNetworkChoices(nads.state === 'ready' ? nads.data : [], stored);

  return (
    <MutationModal
      testId="transfer-network-modal"
      onClose={onClose}
      title={t('Set default transfer network')}
      description={t(
        'Migration plans that have this provider as their target copy disks over this network unless the plan names another.',
      )}
      mutation={save}
      errorTitle={t('The transfer network was not saved')}
      errorTestId="transfer-network-error"
      actionLabel={t('Save')}
      actionTestId="transfer-network-save"
      onAction={() =>
        save.mutate(
          { kind: 'patch', patch: transferNetworkPatch(chosen || undefined) },
          { onSuccess: onClose },
        )
      }
      isActionDisabled={chosen === (stored ?? POD_NETWORK)}
    >
      <Form onSubmit={(event) => event.preventDefault()}>
        <FormGroup label={t('Default transfer network')} fieldId="transfer-network">
          <FormSelect
            id="transfer-network"
            value={chosen}
            onChange={(_event, value) => setChosen(value)}
            data-testid="transfer-network-select"
          >
            <FormSelectOption value={POD_NETWORK} label={t('Default network (pod network)')} />
            {nads.state === 'loading' && (
              <FormSelectOption isDisabled value="#loading" label={t('Loading the inventory')} />
            )}
            {nads.state === 'failed' && (
              <FormSelectOption isDisabled value="#error" label={t('Could not load networks')} />
            )}
            {choices.map((choice) => (
              <FormSelectOption key={choice} value={choice} label={choice} />
            ))}
          </FormSelect>
        </FormGroup>
      </Form>
    </MutationModal>
  );
};
