import type { FC } from 'react';
import type { Plan } from '@forklift-console/api';
import { YamlEditor } from '../../../../components/YamlEditor.tsx';
import { useForkliftTranslation } from '../../../../utils/i18n.ts';
import { useReplacePlan } from '../../hooks/usePlanMutations.ts';
import type { PlanTabProps } from '../../utils/plan-tab-props.ts';

/** The plan as YAML; Save replaces it at the resourceVersion it carries (409 when stale). */
export const PlanYamlTab: FC<PlanTabProps> = ({ plan }) => {
  const { t } = useForkliftTranslation();
  const save = useReplacePlan(plan);
  return (
    <YamlEditor
      object={plan}
      ariaLabel={t('Plan YAML')}
      save={save}
      onSave={(parsed, onSaved) => save.mutate(parsed as Plan, { onSuccess: onSaved })}
    />
  );
};
