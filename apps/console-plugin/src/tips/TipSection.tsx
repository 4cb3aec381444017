import { useState, type FC, type ReactNode } from 'react';
import { ExpandableSection } from '@patternfly/react-core';

type Props = { title: string; isInitiallyExpanded?: boolean; children: ReactNode };

/** One collapsible part of a topic, so a topic reads as a short outline before the details. */
export const TipSection: FC<Props> = ({ title, isInitiallyExpanded = false, children }) => {
  const [isExpanded, setIsExpanded] = useState(isInitiallyExpanded);
  return (
    <ExpandableSection
      toggleText={title}
      isIndented
      isExpanded={isExpanded}
      onToggle={(_event, expanded) => setIsExpanded(expanded)}
    >
      {children}
    </ExpandableSection>
  );
};
