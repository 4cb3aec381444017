import { useRef, useState, type FC } from 'react';
import { Button, Content, Flex, FlexItem, Label, Popover } from '@patternfly/react-core';
import { CONCERN_CATEGORIES, type ConcernCategory } from '@forklift-console/api';
import type { VmRow } from '../../utils/vm-table.ts';

const STATUS: Record<ConcernCategory, 'danger' | 'warning' | 'info'> = {
  Critical: 'danger',
  Warning: 'warning',
  Information: 'info',
};

type Opened = { vmId: string; category: ConcernCategory };

type Props = {
  row: VmRow;
  /** The popovers' headings (VmTableLabels.concernTitles). */
  titles: Record<ConcernCategory, string>;
};

/**
 * One badge per severity with its count; each opens the list of those concerns. Only an opened
 * badge has a popover: a page of 50 rows would otherwise keep a hundred, each re-attaching its
 * document listeners on every render, i.e. on every keystroke in the name filter.
 */
export const ConcernBadges: FC<Props> = ({ row, titles }) => {
  const [opened, setOpened] = useState<Opened>();
  const badges = useRef<Partial<Record<ConcernCategory, HTMLButtonElement | null>>>({});
  const present = CONCERN_CATEGORIES.filter((category) => row.concernCounts[category] > 0);
  if (present.length === 0) return <>-</>;
  // The table reuses this row for another VM when the filter changes: a popover stays with its VM.
  const openCategory = opened?.vmId === row.id ? opened.category : undefined;
  return (
    <Flex spaceItems={{ default: 'spaceItemsXs' }} flexWrap={{ default: 'nowrap' }}>
      {present.map((category) => (
        <FlexItem key={category}>
          <Button
            ref={(element) => {
              badges.current[category] = element;
            }}
            variant="plain"
            className="pf-v6-u-p-0"
            aria-label={`${titles[category]}: ${row.concernCounts[category]}`}
            // An open popover closes itself on a click of its badge.
            onClick={() => openCategory !== category && setOpened({ vmId: row.id, category })}
            data-testid={`vm-concerns-${category.toLowerCase()}-${row.name}`}
          >
            <Label status={STATUS[category]} isCompact>
              {row.concernCounts[category]}
            </Label>
          </Button>
        </FlexItem>
      ))}
      {openCategory && (
        <Popover
          key={openCategory}
          isVisible
          triggerRef={() => badges.current[openCategory]!}
          shouldClose={(_event, hide) => hide?.()}
          onHidden={() => setOpened(undefined)}
          headerContent={titles[openCategory]}
          bodyContent={
            <Content component="ul" isPlainList>
              {row.concerns
                .filter((concern) => concern.category === openCategory)
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
        />
      )}
    </Flex>
  );
};
