import type { FC } from 'react';
import { Alert, Flex, FlexItem, Spinner } from '@patternfly/react-core';
import type { Provider } from '@forklift-console/api';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import { criticalCondition } from '../utils/provider-conditions.ts';
import type { InventoryState } from '../utils/inventory-state.ts';

type Props = {
  provider: Provider;
  state: Exclude<InventoryState<unknown>, { state: 'ready' }>;
};

/**
 * What stands in for inventory data that is not there: while the provider cannot connect, why;
 * while it is collected, a spinner (a push brings the data); a real failure, its message.
 */
export const InventoryUnavailable: FC<Props> = ({ provider, state }) => {
  const { t } = useForkliftTranslation();
  const critical = criticalCondition(provider.status?.conditions);
  if (state.state === 'failed') {
    return (
      <Alert variant="danger" isInline title={t('Could not load the inventory')}>
        {state.message}
      </Alert>
    );
  }
  if (critical) {
    return (
      <Alert
        variant="warning"
        isInline
        title={t('The inventory is collected once the provider is ready')}
        data-testid="inventory-waiting-for-provider"
      >
        {critical.message ?? critical.type}
      </Alert>
    );
  }
  return (
    <Flex alignItems={{ default: 'alignItemsCenter' }} data-testid="inventory-loading">
      <FlexItem>
        <Spinner size="md" aria-hidden />
      </FlexItem>
      <FlexItem>{t('Loading the inventory')}</FlexItem>
    </Flex>
  );
};
