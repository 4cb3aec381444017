import { Fragment, type FC } from 'react';
import { Content, ContentVariants } from '@patternfly/react-core';

export type TipTerm = { term: string; definition: string };

type Props = { terms: TipTerm[] };

/** The words a topic relies on, defined where the reader meets them. */
export const TipTerms: FC<Props> = ({ terms }) => (
  <Content component={ContentVariants.dl}>
    {terms.map(({ term, definition }) => (
      <Fragment key={term}>
        <Content component={ContentVariants.dt}>{term}</Content>
        <Content component={ContentVariants.dd}>{definition}</Content>
      </Fragment>
    ))}
  </Content>
);
