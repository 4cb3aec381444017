import type { FC } from 'react';
import { Card, CardBody, CardHeader, CardTitle, Icon } from '@patternfly/react-core';
import type { TipTopic } from './useTipTopics.ts';
import { tipsTopicActionId } from './tips-dom-ids.ts';

type Props = { topic: TipTopic; onChoose: () => void };

export const TipsTopicCard: FC<Props> = ({ topic, onChoose }) => {
  const { id, title, description, icon: TopicIcon } = topic;
  const titleId = `forklift-tips-topic-title-${id}`;
  return (
    <Card isClickable isCompact isFullHeight data-testid={`tips-topic-card-${id}`}>
      <CardHeader
        selectableActions={{
          onClickAction: onChoose,
          selectableActionId: tipsTopicActionId(id),
          selectableActionAriaLabelledby: titleId,
        }}
      >
        <CardTitle id={titleId} component="h3">
          <Icon isInline>
            <TopicIcon />
          </Icon>{' '}
          {title}
        </CardTitle>
      </CardHeader>
      <CardBody>{description}</CardBody>
    </Card>
  );
};
