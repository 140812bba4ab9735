import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { buildCentralServer, type CentralServer } from '../../../../central/server.js';

/** One bearer token per branch (24+ characters, as the central server requires). */
export const BRANCH_TOKENS = {
  'ALA-01': 'ala01-sync-test-token-0123456789abcdef',
  'AST-02': 'ast02-sync-test-token-0123456789abcdef',
} as const;

export interface RunningCentral {
  server: CentralServer;
  /** The FHIR base the desk is pointed at: http://127.0.0.1:<port>/fhir. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * The reference central server on 127.0.0.1, on an ephemeral port, on PGlite in memory; or on
 * the PostgreSQL at `pgUrl`, in a schema of its own that is dropped on close.
 */
export async function startCentral(opts: { pgUrl?: string; maxPageSize?: number } = {}): Promise<RunningCentral> {
  let dropSchema: (() => Promise<void>) | null = null;
  let databaseUrl: string | undefined;
  if (opts.pgUrl) {
    // Generated from hex digits here, never from input: safe in the DDL.
    const schema = `sync_it_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: opts.pgUrl });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    const scoped = new URL(opts.pgUrl);
    scoped.searchParams.set('options', `-c search_path=${schema}`);
    databaseUrl = scoped.toString();
    dropSchema = async () => {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    };
  }
  const server = await buildCentralServer({ branches: BRANCH_TOKENS, ...(databaseUrl ? { databaseUrl } : {}), ...(opts.maxPageSize ? { maxPageSize: opts.maxPageSize } : {}) });
  await server.app.listen({ host: '127.0.0.1', port: 0 });
  const port = (server.app.server.address() as AddressInfo).port;
  return {
    server,
    port,
    url: `http://127.0.0.1:${port}/fhir`,
    async close() {
      await server.close();
      await dropSchema?.();
    },
  };
}

/** Every current resource of a type at the central system, content without server meta. */
export async function centralContents(server: CentralServer, type: string): Promise<Map<string, { version: number; content: Record<string, unknown> }>> {
  const rows = await server.sql.query<{ id: string; version: number; content: Record<string, unknown> }>(
    `SELECT c.id, c.version, v.content FROM resource_current c
       JOIN resource_version v ON v.type = c.type AND v.id = c.id AND v.version = c.version
      WHERE c.type = $1 AND NOT c.deleted`,
    [type],
  );
  return new Map(rows.map((r) => [r.id, { version: r.version, content: r.content }]));
}

/** How many versions the central system stored of each type (writes, replays excluded). */
export async function centralVersionCount(server: CentralServer, type: string): Promise<number> {
  const [row] = await server.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM resource_version WHERE type = $1', [type]);
  return row?.n ?? 0;
}
