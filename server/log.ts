/**
 * Structured logs: one JSON line per event on stdout (what journald, Docker
 * and log shippers collect), at the level KOMMENTAR_LOG_LEVEL sets. Free text
 * that comes from elsewhere (a mail server's refusal, a socket error) passes
 * through `redact`, so an address or an IP never lands in a log.
 */
export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type LogFields = Record<string, string | number | boolean | null | undefined | Record<string, string>>;

export interface Logger {
  /** Whether lines of `level` are written: lets a caller skip building them. */
  enabled(level: LogLevel): boolean;
  error(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  debug(msg: string, fields?: LogFields): void;
}

const EMAIL = /[^\s<>"'(),;:@/?&=]+@[^\s<>"'(),;:@/?&=]+\.[a-z]{2,}/gi;
const IPV4 = /\b(?:\d{1,3}\.){3}\d{1,3}\b/g;
const IPV6 = /\b(?:[0-9a-f]{1,4}:){2,7}[0-9a-f]{0,4}\b|\b[0-9a-f]{0,4}::(?:[0-9a-f]{1,4}:?){0,6}\b/gi;

/** Emails and IP addresses out of free text. */
export function redact(text: string): string {
  return text.replace(EMAIL, '[email]').replace(IPV4, '[address]').replace(IPV6, (match) => (match.includes(':') && match.length > 3 ? '[address]' : match));
}

/** An error's message, redacted, for a log field. */
export const errorText = (error: unknown): string => redact(error instanceof Error ? error.message : String(error));

export function createLogger(level: LogLevel, write: (line: string) => void = (line) => process.stdout.write(line)): Logger {
  const threshold = LOG_LEVELS.indexOf(level);
  const enabled = (at: LogLevel) => LOG_LEVELS.indexOf(at) <= threshold;
  const line = (at: LogLevel) => (msg: string, fields?: LogFields) => {
    if (enabled(at)) write(`${JSON.stringify({ time: new Date().toISOString(), level: at, msg, ...fields })}\n`);
  };
  return { enabled, error: line('error'), warn: line('warn'), info: line('info'), debug: line('debug') };
}
