import { parseArgs, type ParseArgsConfig } from 'node:util';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;
export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** A mistake in how the command was typed: printed with its message, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Options every command takes. `--scrypt-n` is for tests only and not in the help text. */
export const COMMON_OPTIONS: OptionSpec = {
  data: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean' },
  'scrypt-n': { type: 'string' },
};

export function parseCommandArgs(args: string[], options: OptionSpec): OptionValues {
  try {
    return parseArgs({ args, options: { ...COMMON_OPTIONS, ...options }, strict: true, allowPositionals: false }).values;
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : 'bad arguments');
  }
}

export function optionalString(values: OptionValues, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

export function requireString(values: OptionValues, name: string): string {
  const v = optionalString(values, name);
  if (v === undefined || v.trim() === '') throw new UsageError(`--${name} is required`);
  return v;
}

export function flag(values: OptionValues, name: string): boolean {
  return values[name] === true;
}

/** scrypt cost for new keyring entries, from the hidden `--scrypt-n` (tests keep it low). */
export function scryptCostOption(values: OptionValues): { N: number; r: number; p: number } | undefined {
  const raw = optionalString(values, 'scrypt-n');
  if (raw === undefined) return undefined;
  const n = Number(raw);
  // The keyring's schema accepts 2^14..2^22; anything else would write an unreadable entry.
  if (!Number.isInteger(n) || n < 2 ** 14 || n > 2 ** 22 || (n & (n - 1)) !== 0) {
    throw new UsageError('--scrypt-n must be a power of two from 16384 to 4194304');
  }
  return { N: n, r: 8, p: 1 };
}
