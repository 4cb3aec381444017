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

type LoggedRequest = {
  method?: string;
  url?: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
};

/** A URL as it may be logged: the console link's `token` parameter is the access token. */
export const loggableUrl = (url: string): string =>
  url.replace(/([?&]token=)[^&#]*/g, '$1[redacted]');

// Fastify's own request serializer logs the URL as sent; this one is the same without the token.
const serializers = {
  req: (request: LoggedRequest) => ({
    method: request.method,
    url: request.url === undefined ? undefined : loggableUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  }),
};

export const createLogger = (level: string, destination?: pino.DestinationStream): Logger =>
  pino(
    { level, serializers, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } },
    destination,
  );
