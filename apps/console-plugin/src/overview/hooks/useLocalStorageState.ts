import { useCallback, useState } from 'react';

// Storage can be unavailable (private windows, blocked cookies); the choice then lasts the visit.
const read = (key: string): string | null => {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
};

const write = (key: string, value: string) => {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Nothing to do: the state still holds the choice for this visit.
  }
};

/**
 * A choice remembered by this browser under `key`. A stored value that `isValid` rejects (e.g. left
 * by an older version) falls back to `initial`.
 */
export const useLocalStorageState = <T extends string>(
  key: string,
  initial: T,
  isValid: (value: unknown) => value is T,
): [T, (value: T) => void] => {
  const [value, setValue] = useState<T>(() => {
    const stored = read(key);
    return isValid(stored) ? stored : initial;
  });
  const update = useCallback(
    (next: T) => {
      setValue(next);
      write(key, next);
    },
    [key],
  );
  return [value, update];
};
