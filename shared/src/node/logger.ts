/** Minimal structured logger: one JSON line per event on stderr, so stdout stays for program output. */
export type Logger = {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
};

export function createLogger(
  component: string,
  sink: (line: string) => void = (l) => process.stderr.write(l + '\n'),
): Logger {
  const write = (level: string, message: string, fields?: Record<string, unknown>) =>
    // Fields first: a field named like a fixed key (e.g. `level`) can never disguise a line's level or time.
    sink(JSON.stringify({ ...fields, time: new Date().toISOString(), level, component, message }));
  return {
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}
