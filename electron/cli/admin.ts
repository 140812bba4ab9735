import { parseCommandArgs, UsageError } from './args.js';
import { COMMANDS } from './commands/index.js';
import { printError, printResult, toErrorBody } from './output.js';
import { SecretReader } from './secrets.js';

/**
 * `npm run admin -- <command> --data DIR [options]`: the desk's maintenance tasks over the
 * same core and handlers the app uses. Passwords come from stdin (a prompt without echo on a
 * terminal); results go to stdout (one JSON object with --json); progress, warnings and
 * errors as text go to stderr. Exit codes: 0 ok, 1 error (its code is printed), 2 usage,
 * 3 audit chain broken, 130 cancelled.
 */
function help(): string {
  const lines = ['usage: npm run admin -- <command> --data DIR [--json] [options]', '', 'commands:'];
  for (const [name, c] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(22)} ${c.summary}`, `      ${c.usage}`);
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const json = rest.includes('--json');
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    if (!name || name === 'help' || name === '--help') {
      process.stdout.write(`${help()}\n`);
      return name ? 0 : 2;
    }
    printError(json, toErrorBody(new UsageError(`unknown command; run with --help`)).body);
    return 2;
  }
  const secrets = new SecretReader();
  try {
    const values = parseCommandArgs(rest, command.options);
    if (values.help === true) {
      process.stdout.write(`${command.usage}\n`);
      return 0;
    }
    const out = await command.run(values, { secrets, note: (t) => process.stderr.write(`${t}\n`) });
    printResult(json, out);
    return out.exitCode ?? 0;
  } catch (e) {
    const { body, exitCode } = toErrorBody(e);
    printError(json, body);
    return exitCode;
  } finally {
    secrets.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
