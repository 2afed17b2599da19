import pino, { type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs. Never log message bodies or anything a person typed about their health. */
export function createLogger(level: string, pretty = false): Logger {
  return pino({
    level,
    redact: { paths: ['req.headers.cookie', 'req.headers["x-csrf-token"]', '*.password', '*.body'], remove: true },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } } : {}),
  });
}
