import { useState, type FC, type ReactNode } from 'react';
import { Button, DescriptionList, ExpandableSection } from '@patternfly/react-core';
import { useWizardContext } from '@patternfly/react-core';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import type { StepId } from '../hooks/usePlanWizard.ts';

type Props = { title: string; stepId: StepId; children: ReactNode };

/** One step's choices on the Review step, expanded, with a link back to the step. */
export const ReviewSection: FC<Props> = ({ title, stepId, children }) => {
  const { t } = useForkliftTranslation();
  const { goToStepById } = useWizardContext();
  const [isExpanded, setExpanded] = useState(true);
  return (
    <ExpandableSection
      toggleText={title}
      isExpanded={isExpanded}
      onToggle={(_event, expanded) => setExpanded(expanded)}
      data-testid={`review-${stepId}`}
    >
      <Button
        variant="link"
        isInline
        onClick={() => goToStepById(stepId)}
        data-testid={`review-edit-${stepId}`}
      >
        {t('Edit step')}
      </Button>
      <DescriptionList isHorizontal isCompact className="pf-v6-u-mt-sm">
        {children}
      </DescriptionList>
    </ExpandableSection>
  );
};
