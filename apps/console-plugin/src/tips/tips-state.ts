// What the Tips and tricks drawer shows. It lives in sessionStorage because the OpenShift console
// mounts each plugin page on its own, so a React context alone would forget it on every navigation.

export const TIP_TOPIC_IDS = [
  'creating-provider',
  'migrating-vms',
  'migration-type',
  'network-mapping',
  'storage-mapping',
  'migration-optimization',
  'troubleshooting',
] as const;

export type TipTopicId = (typeof TIP_TOPIC_IDS)[number];

/** `topic: null` is the home view with the topic cards. */
export type TipsState = { isOpen: boolean; topic: TipTopicId | null };

export const TIPS_STORAGE_KEY = 'forklift-console/tips';

export const INITIAL_TIPS_STATE: TipsState = { isOpen: false, topic: null };

export const isTipTopicId = (value: unknown): value is TipTopicId =>
  (TIP_TOPIC_IDS as readonly unknown[]).includes(value);

export const openTips = (state: TipsState): TipsState => ({ ...state, isOpen: true });

// Closing keeps the topic, so reopening the drawer resumes where the user left off.
export const closeTips = (state: TipsState): TipsState => ({ ...state, isOpen: false });

export const toggleTips = (state: TipsState): TipsState =>
  state.isOpen ? closeTips(state) : openTips(state);

export const chooseTopic = (state: TipsState, topic: TipTopicId): TipsState => ({
  ...state,
  isOpen: true,
  topic,
});

export const showTopics = (state: TipsState): TipsState => ({ ...state, topic: null });

/** Anything unreadable (another version's shape, hand edits) falls back to the closed drawer. */
export const parseTipsState = (stored: string | null): TipsState => {
  if (stored === null) return INITIAL_TIPS_STATE;
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return INITIAL_TIPS_STATE;
  }
  if (typeof value !== 'object' || value === null) return INITIAL_TIPS_STATE;
  const { isOpen, topic } = value as Record<string, unknown>;
  return {
    isOpen: isOpen === true,
    topic: isTipTopicId(topic) ? topic : null,
  };
};

type TipsStorage = Pick<Storage, 'getItem' | 'setItem'>;

// Storage can be missing or throw (blocked cookies, a full quota); tips then last only as long as
// the page, which is no reason to break it.
export const readTipsState = (storage: TipsStorage | undefined): TipsState => {
  try {
    return parseTipsState(storage?.getItem(TIPS_STORAGE_KEY) ?? null);
  } catch {
    return INITIAL_TIPS_STATE;
  }
};

export const writeTipsState = (storage: TipsStorage | undefined, state: TipsState): void => {
  try {
    storage?.setItem(TIPS_STORAGE_KEY, JSON.stringify(state));
  } catch {
    // See readTipsState: losing the memory of the drawer is harmless.
  }
};
