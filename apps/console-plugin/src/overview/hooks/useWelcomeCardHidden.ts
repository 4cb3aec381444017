import { useLocalStorageState } from './useLocalStorageState.ts';

const KEY = 'forklift-console/welcome-card-hidden';

const isFlag = (value: unknown): value is 'true' | 'false' => value === 'true' || value === 'false';

/** Whether the administrator hid the Overview's welcome card in this browser. */
export const useWelcomeCardHidden = (): [boolean, (hidden: boolean) => void] => {
  const [stored, setStored] = useLocalStorageState(KEY, 'false', isFlag);
  return [stored === 'true', (hidden) => setStored(hidden ? 'true' : 'false')];
};
