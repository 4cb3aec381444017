// Focus moves between the header button and the drawer, which live in different components.
export const TIPS_BUTTON_ID = 'forklift-tips-button';
export const TIPS_PANEL_ID = 'forklift-tips-panel';
export const TIPS_PANEL_TITLE_ID = 'forklift-tips-panel-title';
export const tipsTopicActionId = (topic: string) => `forklift-tips-topic-${topic}`;
export const TIPS_TOPIC_TITLE_ID = 'forklift-tips-topic-title';
