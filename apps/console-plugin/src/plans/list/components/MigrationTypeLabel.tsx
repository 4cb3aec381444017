import type { FC } from 'react';
import { Label } from '@patternfly/react-core';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import type { PlanRow } from '../utils/plan-rows.ts';

export const MigrationTypeLabel: FC<{ type: PlanRow['migrationType'] }> = ({ type }) => {
  const { t } = useForkliftTranslation();
  const labels = { cold: t('Cold'), warm: t('Warm'), live: t('Live'), conversion: t('Conversion') };
  return <Label isCompact>{labels[type]}</Label>;
};
