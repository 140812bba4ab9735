/**
 * The core behaviour against a real PostgreSQL server. Runs when CENTRAL_PG_URL is set (CI
 * sets it with CENTRAL_PG=1); each run works in a schema of its own and drops it afterwards.
 */
import { describe, it } from 'vitest';
import { defineCoreBehaviour } from './core-behaviour.js';
import { buildCentralServer, type CentralServer } from './server.js';
import { isolatedSchema, TOKENS } from './test-support.js';

const url = process.env.CENTRAL_PG_URL;

async function openIsolated(connectionString: string): Promise<CentralServer> {
  const schema = await isolatedSchema(connectionString);
  try {
    const server = await buildCentralServer({ branches: TOKENS, databaseUrl: schema.databaseUrl });
    return {
      ...server,
      async close() {
        await server.close();
        await schema.drop();
      },
    };
  } catch (err) {
    await schema.drop();
    throw err;
  }
}

if (url) {
  defineCoreBehaviour('PostgreSQL from CENTRAL_PG_URL', () => openIsolated(url));
} else {
  describe('central server on a real PostgreSQL', () => {
    it.skip('is skipped: set CENTRAL_PG_URL=postgres://user:pass@host:5432/db to run it (CI: CENTRAL_PG=1)', () => {});
  });
}
