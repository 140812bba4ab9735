/**
 * What the core may write to a log: an event name and a few fields that are identifiers,
 * codes and counts. Never payloads, names, IINs, phone numbers or free text: the log file
 * sits unencrypted in the user-data folder. `redactLogText` (log/redact.ts) is a second
 * line of defence where free text cannot be avoided (a child process's stderr).
 */
export type LogLevel = 'info' | 'warn' | 'error';
export type LogFields = Record<string, string | number | boolean>;

export interface Logger {
  log(level: LogLevel, event: string, fields?: LogFields): void;
}

/** Where no log file exists (CLI, harness, tests): stderr, same discipline. */
export const consoleLogger: Logger = {
  log(level, event, fields = {}) {
    const line = `[${level}] ${event}${Object.keys(fields).length ? ' ' + JSON.stringify(fields) : ''}`;
    if (level === 'info') console.log(line);
    else console.error(line);
  },
};
