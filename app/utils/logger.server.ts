/** Structured JSON logs on stdout, one line per event. Secrets never reach it: see `redact`. */
type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };
const SECRET_KEYS = /pass(word)?|token|secret|cookie|authorization|hash/i;

let threshold = order[(process.env.LOG_LEVEL as Level | 'silent' | undefined) ?? 'info'] ?? order.info;

/** Changes the minimum level logged (tests silence the server this way). */
export function setLogLevel(level: Level | 'silent') {
  threshold = order[level];
}

function redact(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (SECRET_KEYS.test(key)) out[key] = '[redacted]';
    else if (value instanceof Error) out[key] = { name: value.name, message: value.message, stack: value.stack };
    else out[key] = value;
  }
  return out;
}

function write(level: Level, msg: string, fields: Record<string, unknown> = {}) {
  if (order[level] < threshold) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...redact(fields) });
  (level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(line + '\n');
}

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

function make(base: Record<string, unknown>): Logger {
  return {
    debug: (msg, f) => write('debug', msg, { ...base, ...f }),
    info: (msg, f) => write('info', msg, { ...base, ...f }),
    warn: (msg, f) => write('warn', msg, { ...base, ...f }),
    error: (msg, f) => write('error', msg, { ...base, ...f }),
    child: (f) => make({ ...base, ...f }),
  };
}

/** The process-wide logger; `logger.child({ requestId })` ties lines to one request. */
export const logger: Logger = make({});
