import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { BranchCredentials } from './auth.js';
import type { CentralServerOptions } from './server.js';

export const USAGE = `Usage: npm run central -- [options]

  --port N            port to listen on (default 8443 with TLS, 8080 without)
  --host ADDR         address to bind (default 127.0.0.1)
  --data DIR          keep the embedded PGlite database in DIR (default: in memory, lost on exit)
  --tls-cert FILE     PEM certificate; with --tls-key, serve HTTPS
  --tls-key FILE      PEM private key
  --branches FILE     JSON {"BR01": "<token>"} or {"BR01": {"sha256": "<hex>"}}
  --public-url URL    base URL of /fhir as branches reach it (behind a proxy)
  --allow-plain-http  allow plain HTTP on a non-loopback address (TLS ends at a proxy)
  --help

Environment:
  DATABASE_URL            postgres://… : use this PostgreSQL server instead of PGlite
  CENTRAL_BRANCH_TOKENS   BR01:token1,BR02:token2 (instead of --branches)
`;

export interface CliConfig {
  port: number;
  host: string;
  options: CentralServerOptions;
}

/** What `main.ts` needs from the outside world, so the parsing can be tested without it. */
export interface CliEnvironment {
  env: Readonly<Record<string, string | undefined>>;
  readFile(path: string): string;
}

const branchFileSchema = z.record(
  z.string(),
  z.union([z.string(), z.strictObject({ sha256: z.string() })]),
);

function parseTokenList(list: string): BranchCredentials {
  const out: Record<string, string> = {};
  for (const item of list.split(',').map((s) => s.trim()).filter(Boolean)) {
    const colon = item.indexOf(':');
    if (colon <= 0) throw new Error('CENTRAL_BRANCH_TOKENS must look like BR01:token1,BR02:token2');
    out[item.slice(0, colon)] = item.slice(colon + 1);
  }
  return out;
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

/** Turns argv and the environment into server options; throws an Error whose message is for the operator. */
export function parseCli(argv: readonly string[], io: CliEnvironment): CliConfig | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      branches: { type: 'string' },
      'public-url': { type: 'string' },
      'allow-plain-http': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) return 'help';

  const certFile = values['tls-cert'];
  const keyFile = values['tls-key'];
  if ((certFile === undefined) !== (keyFile === undefined)) throw new Error('--tls-cert and --tls-key go together');
  const tls = certFile && keyFile ? { cert: io.readFile(certFile), key: io.readFile(keyFile) } : undefined;

  const host = values.host;
  if (!tls && !isLoopback(host) && !values['allow-plain-http']) {
    throw new Error(
      `refusing plain HTTP on ${host}: branches send personal data. Give --tls-cert/--tls-key, ` +
        'or --allow-plain-http if a TLS proxy in front of this server is the only way in.',
    );
  }

  const portText = values.port ?? (tls ? '8443' : '8080');
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port ${portText} is not a port`);

  let branches: BranchCredentials;
  if (values.branches !== undefined) {
    const parsed = branchFileSchema.safeParse(JSON.parse(io.readFile(values.branches)));
    if (!parsed.success) throw new Error(`${values.branches}: expected {"BR01": "<token>"} or {"BR01": {"sha256": "<hex>"}}`);
    branches = parsed.data;
  } else {
    branches = parseTokenList(io.env.CENTRAL_BRANCH_TOKENS ?? '');
  }
  if (Object.keys(branches).length === 0) {
    throw new Error('no branch tokens: set CENTRAL_BRANCH_TOKENS or give --branches FILE');
  }

  const options: CentralServerOptions = { branches };
  if (io.env.DATABASE_URL) options.databaseUrl = io.env.DATABASE_URL;
  else if (values.data !== undefined) options.dataDir = values.data;
  if (tls) options.tls = tls;
  if (values['public-url'] !== undefined) options.publicBaseUrl = values['public-url'].replace(/\/+$/, '');
  return { port, host, options };
}
