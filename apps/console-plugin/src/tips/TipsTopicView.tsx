import { useEffect, type FC } from 'react';
import { Button, Stack, Title } from '@patternfly/react-core';
import ArrowLeftIcon from '@patternfly/react-icons/dist/esm/icons/arrow-left-icon';
import { useForkliftTranslation } from '../utils/i18n.ts';
import type { TipTopic } from './useTipTopics.ts';
import { TIPS_TOPIC_TITLE_ID } from './tips-dom-ids.ts';

type Props = {
  topic: TipTopic;
  onBack: () => void;
  /** True when the user just chose this topic, as opposed to a page opening on it. */
  takesFocus: boolean;
};

export const TipsTopicView: FC<Props> = ({ topic, onBack, takesFocus }) => {
  const { t } = useForkliftTranslation();
  const { title, content: TopicContent } = topic;

  // The card or option the user chose is gone; the title is where reading continues.
  useEffect(() => {
    if (takesFocus) document.getElementById(TIPS_TOPIC_TITLE_ID)?.focus();
  }, [takesFocus]);

  return (
    <Stack hasGutter>
      <div>
        <Button
          variant="link"
          isInline
          icon={<ArrowLeftIcon />}
          onClick={onBack}
          data-testid="tips-back"
        >
          {t('Back to topics')}
        </Button>
      </div>
      <Title
        headingLevel="h3"
        id={TIPS_TOPIC_TITLE_ID}
        tabIndex={-1}
        data-testid="tips-topic-title"
      >
        {title}
      </Title>
      <TopicContent />
    </Stack>
  );
};
