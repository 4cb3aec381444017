import type { FC } from 'react';
import { Flex, FlexItem, List, ListItem } from '@patternfly/react-core';
import { Link } from 'react-router';

export type DonutLegendItem = {
  key: string;
  label: string;
  count: number;
  color: string;
  /** Where the entry leads, e.g. the History tab filtered to this status. */
  to?: string;
};

type DonutLegendProps = { items: DonutLegendItem[]; ariaLabel: string; testId: string };

/**
 * The donut's legend as HTML rather than SVG, so that its entries are real links a keyboard and a
 * screen reader reach, and each count has a test id.
 */
export const DonutLegend: FC<DonutLegendProps> = ({ items, ariaLabel, testId }) => (
  <List isPlain aria-label={ariaLabel} data-testid={testId}>
    {items.map((item) => (
      <ListItem key={item.key}>
        <Flex spaceItems={{ default: 'spaceItemsSm' }} flexWrap={{ default: 'nowrap' }}>
          <FlexItem>
            <svg width="10" height="10" aria-hidden="true" focusable="false">
              <rect width="10" height="10" style={{ fill: item.color }} />
            </svg>
          </FlexItem>
          <FlexItem>
            {item.to ? (
              <Link to={item.to} data-testid={`${testId}-link-${item.key}`}>
                {item.label}
              </Link>
            ) : (
              item.label
            )}
          </FlexItem>
          <FlexItem data-testid={`${testId}-count-${item.key}`}>{item.count}</FlexItem>
        </Flex>
      </ListItem>
    ))}
  </List>
);
