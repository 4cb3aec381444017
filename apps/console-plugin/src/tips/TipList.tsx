import type { FC } from 'react';
import { List, ListComponent, ListItem, OrderType } from '@patternfly/react-core';

type Props = { items: string[]; isOrdered?: boolean };

/** Steps (ordered) or points (unordered) of a topic, one sentence each. */
export const TipList: FC<Props> = ({ items, isOrdered = false }) => (
  <List {...(isOrdered && { component: ListComponent.ol, type: OrderType.number })}>
    {items.map((item) => (
      <ListItem key={item}>{item}</ListItem>
    ))}
  </List>
);
