import type { FC } from 'react';
import { Button, Content, Flex, FlexItem, Label, Popover } from '@patternfly/react-core';
import { useForkliftTranslation } from '../../../../utils/i18n.ts';
import { CONCERN_CATEGORIES, type ConcernCategory } from '@forklift-console/api';
import type { VmRow } from '../../utils/vm-table.ts';

const STATUS: Record<ConcernCategory, 'danger' | 'warning' | 'info'> = {
  Critical: 'danger',
  Warning: 'warning',
  Information: 'info',
};

/** One badge per severity with its count; each opens the list of those concerns. */
export const ConcernBadges: FC<{ row: VmRow }> = ({ row }) => {
  const { t } = useForkliftTranslation();
  const titles: Record<ConcernCategory, string> = {
    Critical: t('Critical concerns'),
    Warning: t('Warnings'),
    Information: t('Information'),
  };
  const present = CONCERN_CATEGORIES.filter((category) => row.concernCounts[category] > 0);
  if (present.length === 0) return <>-</>;
  return (
    <Flex spaceItems={{ default: 'spaceItemsXs' }} flexWrap={{ default: 'nowrap' }}>
      {present.map((category) => (
        <FlexItem key={category}>
          <Popover
            headerContent={titles[category]}
            bodyContent={
              <Content component="ul" isPlainList>
                {row.concerns
                  .filter((concern) => concern.category === category)
                  .map((concern, index) => (
                    <Content component="li" key={`${concern.id ?? concern.label}-${index}`}>
                      <strong>{concern.label}</strong>
                      {concern.assessment && (
                        <Content component="small" className="pf-v6-u-display-block">
                          {concern.assessment}
                        </Content>
                      )}
                    </Content>
                  ))}
              </Content>
            }
          >
            <Button
              variant="plain"
              className="pf-v6-u-p-0"
              aria-label={`${titles[category]}: ${row.concernCounts[category]}`}
              data-testid={`vm-concerns-${category.toLowerCase()}-${row.name}`}
            >
              <Label status={STATUS[category]} isCompact>
                {row.concernCounts[category]}
              </Label>
            </Button>
          </Popover>
        </FlexItem>
      ))}
    </Flex>
  );
};
