// One pino logger for the BFF. Credentials must never reach a log line, so every path where a
// secret value or token can appear is redacted, whatever component logs it.
import pino from 'pino';

export type Logger = pino.Logger;

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'authorization',
  'token',
  'password',
  'data',
  'stringData',
  '*.data',
  '*.stringData',
  '*.token',
  '*.password',
  '*.authorization',
];

export const createLogger = (level: string, destination?: pino.DestinationStream): Logger =>
  pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, destination);
