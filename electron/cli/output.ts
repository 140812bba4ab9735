import { AppError, type FieldIssue } from '../core/errors.js';
import { UsageError } from './args.js';
import type { CommandOutput } from './command.js';
import { Cancelled } from './secrets.js';

export const EXIT_ERROR = 1;
export const EXIT_USAGE = 2;
export const EXIT_CANCELLED = 130;

export interface CliErrorBody {
  code: string;
  issues?: FieldIssue[];
  details?: Record<string, string | number | boolean>;
  /** Only for usage errors, whose text is ours (an option name), never data. */
  message?: string;
}

/**
 * Turns anything thrown into a stable code. Messages of other errors are not printed: lower
 * layers (SQLite, fs) may quote paths or data, and nothing personal may reach a terminal log.
 */
export function toErrorBody(e: unknown): { body: CliErrorBody; exitCode: number } {
  if (e instanceof UsageError) return { body: { code: 'usage', message: e.message }, exitCode: EXIT_USAGE };
  if (e instanceof Cancelled) return { body: { code: 'cancelled' }, exitCode: EXIT_CANCELLED };
  if (e instanceof AppError) return { body: e.toBody(), exitCode: EXIT_ERROR };
  return { body: { code: 'internal', details: { kind: e instanceof Error ? e.name : typeof e } }, exitCode: EXIT_ERROR };
}

export function printResult(json: boolean, out: CommandOutput): void {
  process.stdout.write(json ? `${JSON.stringify(out.json)}\n` : `${out.text}\n`);
}

export function printError(json: boolean, body: CliErrorBody): void {
  if (json) {
    process.stdout.write(`${JSON.stringify({ error: body })}\n`);
    return;
  }
  const lines = [`error: ${body.code}${body.message ? ` (${body.message})` : ''}`];
  for (const issue of body.issues ?? []) lines.push(`  ${issue.path || '(input)'}: ${issue.code}`);
  if (body.details) lines.push(`  ${JSON.stringify(body.details)}`);
  process.stderr.write(`${lines.join('\n')}\n`);
}
