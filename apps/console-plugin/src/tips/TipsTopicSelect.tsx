import { useState, type FC, type Ref } from 'react';
import {
  MenuToggle,
  Select,
  SelectList,
  SelectOption,
  type MenuToggleElement,
} from '@patternfly/react-core';
import { useForkliftTranslation } from '../utils/i18n.ts';
import type { TipTopic } from './useTipTopics.ts';
import { isTipTopicId, type TipTopicId } from './tips-state.ts';

type Props = { topics: TipTopic[]; onChoose: (topic: TipTopicId) => void };

/** The keyboard-friendly way to a topic, next to the cards. */
export const TipsTopicSelect: FC<Props> = ({ topics, onChoose }) => {
  const { t } = useForkliftTranslation();
  const [isOpen, setIsOpen] = useState(false);
  return (
    <Select
      isOpen={isOpen}
      onSelect={(_event, value) => {
        setIsOpen(false);
        if (isTipTopicId(value)) onChoose(value);
      }}
      onOpenChange={setIsOpen}
      // The drawer panel scrolls; a menu kept inside it would be clipped.
      popperProps={{ appendTo: () => document.body }}
      toggle={(toggleRef: Ref<MenuToggleElement>) => (
        <MenuToggle
          ref={toggleRef}
          onClick={() => setIsOpen((open) => !open)}
          isExpanded={isOpen}
          isFullWidth
          data-testid="tips-topic-select"
        >
          {t('Select a topic')}
        </MenuToggle>
      )}
    >
      <SelectList aria-label={t('Topics')}>
        {topics.map(({ id, title }) => (
          <SelectOption key={id} value={id}>
            {title}
          </SelectOption>
        ))}
      </SelectList>
    </Select>
  );
};
