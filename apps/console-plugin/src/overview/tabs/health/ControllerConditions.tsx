import type { FC } from 'react';
import { Spinner } from '@patternfly/react-core';
import { ConditionsTable, type Condition } from '../../../components/ConditionsTable.tsx';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import { useForkliftController } from '../../hooks/useForkliftController.ts';
import { LoadErrorAlert } from '../../../components/LoadErrorAlert.tsx';

/** The ForkliftController's conditions, as its operator reports them. */
export const ControllerConditions: FC = () => {
  const { t } = useForkliftTranslation();
  const { data: controller, error, isPending } = useForkliftController();
  if (isPending) return <Spinner aria-label={t('Loading')} />;
  if (error) {
    return <LoadErrorAlert title={t('Could not load the ForkliftController')} error={error} />;
  }
  const conditions =
    (controller.status as { conditions?: Condition[] } | undefined)?.conditions ?? [];
  return (
    <ConditionsTable
      conditions={conditions}
      emptyMessage={t('No operator has reported conditions on the ForkliftController yet.')}
    />
  );
};
