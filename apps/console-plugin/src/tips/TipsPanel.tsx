import { useState, type FC } from 'react';
import { useTips } from './TipsContext.tsx';
import { useTipTopics } from './useTipTopics.ts';
import type { TipTopicId } from './tips-state.ts';
import { TipsHome } from './TipsHome.tsx';
import { TipsTopicView } from './TipsTopicView.tsx';

/** The drawer's body: the topic cards, or the chosen topic. */
export const TipsPanel: FC = () => {
  const { topic, choose, backToTopics } = useTips();
  const topics = useTipTopics();
  // Focus follows the user's own moves between the views, never a page that opens on one of them.
  const [hasMoved, setHasMoved] = useState(false);
  const [cameBackFrom, setCameBackFrom] = useState<TipTopicId | null>(null);

  const current = topics.find(({ id }) => id === topic);
  if (!current) {
    return (
      <TipsHome
        topics={topics}
        returnFocusTo={hasMoved ? cameBackFrom : null}
        onChoose={(id) => {
          setHasMoved(true);
          choose(id);
        }}
      />
    );
  }
  return (
    <TipsTopicView
      key={current.id}
      topic={current}
      takesFocus={hasMoved}
      onBack={() => {
        setHasMoved(true);
        setCameBackFrom(current.id);
        backToTopics();
      }}
    />
  );
};
