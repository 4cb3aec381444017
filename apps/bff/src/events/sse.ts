// Server-sent-events framing, kept apart from the route so that it can be tested as text.
import type { ChangeEvent } from './change-feed.ts';

export const sseMessage = (event: string, data: unknown): string =>
  `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

export const changeMessage = (
  change: Pick<ChangeEvent, 'resource' | 'type'> & Partial<ChangeEvent>,
): string => sseMessage('change', change);

export const HEARTBEAT = ': heartbeat\n\n';
