import {
  createContext,
  useContext,
  useEffect,
  useMemo,
  useState,
  type FC,
  type ReactNode,
} from 'react';
import {
  chooseTopic,
  closeTips,
  readTipsState,
  showTopics,
  toggleTips,
  writeTipsState,
  type TipTopicId,
  type TipsState,
} from './tips-state.ts';

type TipsContextValue = TipsState & {
  toggle: () => void;
  close: () => void;
  choose: (topic: TipTopicId) => void;
  backToTopics: () => void;
};

const TipsContext = createContext<TipsContextValue | undefined>(undefined);

// Reading the property itself throws where the browser blocks site storage.
const sessionStorageIfAllowed = (): Storage | undefined => {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
};

/** Holds the Tips and tricks drawer's state for one page and carries it over to the next. */
export const TipsProvider: FC<{ children: ReactNode }> = ({ children }) => {
  const [state, setState] = useState(() => readTipsState(sessionStorageIfAllowed()));

  useEffect(() => writeTipsState(sessionStorageIfAllowed(), state), [state]);

  const value = useMemo<TipsContextValue>(
    () => ({
      ...state,
      toggle: () => setState(toggleTips),
      close: () => setState(closeTips),
      choose: (topic) => setState((current) => chooseTopic(current, topic)),
      backToTopics: () => setState(showTopics),
    }),
    [state],
  );

  return <TipsContext.Provider value={value}>{children}</TipsContext.Provider>;
};

export const useTips = (): TipsContextValue => {
  const tips = useContext(TipsContext);
  if (!tips) throw new Error('useTips() needs a TipsProvider around it (see PageProviders)');
  return tips;
};
