/**
 * `npm run central` (tsx central/main.ts): runs the reference central FHIR server.
 * Prints one line per event to stdout; never requests, bodies or identifiers.
 */
import { readFileSync } from 'node:fs';
import { parseCli, USAGE } from './cli-config.js';
import { buildCentralServer } from './server.js';

async function main(): Promise<void> {
  let config;
  try {
    config = parseCli(process.argv.slice(2), { env: process.env, readFile: (p) => readFileSync(p, 'utf8') });
  } catch (err) {
    process.stderr.write(`central: ${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`);
    process.exit(2);
  }
  if (config === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  const server = await buildCentralServer({
    ...config.options,
    onInternalError: ({ name, sqlState }) =>
      process.stderr.write(`central: internal error (${name}${sqlState ? `, SQLSTATE ${sqlState}` : ''})\n`),
  });
  const address = await server.app.listen({ port: config.port, host: config.host });
  const branches = Object.keys(config.options.branches).length;
  process.stdout.write(`central: FHIR R4 at ${address}/fhir, ${server.sql.description}, ${branches} branch token(s)\n`);
  if (!config.options.databaseUrl && !config.options.dataDir) {
    process.stdout.write('central: in-memory database, everything is lost on exit (use --data DIR or DATABASE_URL)\n');
  }
  process.stdout.write(
    'central: production data must live in a database hosted in Kazakhstan (Law 94-V Art. 12; privacy policy 2.3 ru / 2.4 kk)\n',
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`central: ${signal}, stopping\n`);
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  // The message only: a stack or a driver error object could carry connection details.
  process.stderr.write(`central: failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
