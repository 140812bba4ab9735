import type { OptionSpec, OptionValues } from './args.js';
import type { SecretReader } from './secrets.js';

export interface CommandIo {
  secrets: SecretReader;
  /** Progress and warnings: stderr, so stdout stays one JSON object with --json. */
  note(text: string): void;
}

export interface CommandOutput {
  /** Printed as is with --json. Identifiers and counts only: never names, logins or paths. */
  json: Record<string, unknown>;
  text: string;
  exitCode?: number;
}

export interface CliCommand {
  summary: string;
  usage: string;
  options: OptionSpec;
  run(values: OptionValues, io: CommandIo): Promise<CommandOutput>;
}
