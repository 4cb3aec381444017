import type { FC } from 'react';
import { useChangeFeed } from '../hooks/useChangeFeed.ts';

export const ChangeFeedListener: FC = () => {
  useChangeFeed();
  return null;
};
