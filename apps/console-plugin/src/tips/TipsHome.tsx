import { useEffect, type FC } from 'react';
import { Content, Gallery, Stack } from '@patternfly/react-core';
import { useForkliftTranslation } from '../utils/i18n.ts';
import type { TipTopic } from './useTipTopics.ts';
import type { TipTopicId } from './tips-state.ts';
import { tipsTopicActionId } from './tips-dom-ids.ts';
import { TipsTopicCard } from './TipsTopicCard.tsx';
import { TipsTopicSelect } from './TipsTopicSelect.tsx';
import { QuickReference } from './QuickReference.tsx';

type Props = {
  topics: TipTopic[];
  onChoose: (topic: TipTopicId) => void;
  /** The topic the user just came back from, whose card gets the focus again. */
  returnFocusTo: TipTopicId | null;
};

export const TipsHome: FC<Props> = ({ topics, onChoose, returnFocusTo }) => {
  const { t } = useForkliftTranslation();

  useEffect(() => {
    if (returnFocusTo) document.getElementById(tipsTopicActionId(returnFocusTo))?.focus();
  }, [returnFocusTo]);

  return (
    <Stack hasGutter>
      <Content component="p">
        {t(
          'Short guides to migrating virtual machines to OpenShift Virtualization. Choose a topic to get started.',
        )}
      </Content>
      <TipsTopicSelect topics={topics} onChoose={onChoose} />
      <Gallery hasGutter minWidths={{ default: '220px' }}>
        {topics.map((topic) => (
          <TipsTopicCard key={topic.id} topic={topic} onChoose={() => onChoose(topic.id)} />
        ))}
      </Gallery>
      <QuickReference />
    </Stack>
  );
};
