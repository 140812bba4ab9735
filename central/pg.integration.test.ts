/**
 * The core behaviour against a real PostgreSQL server. Runs when CENTRAL_PG_URL is set (CI
 * sets it with CENTRAL_PG=1); each run works in a schema of its own and drops it afterwards.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, it } from 'vitest';
import { defineCoreBehaviour } from './core-behaviour.js';
import { buildCentralServer, type CentralServer } from './server.js';
import { TOKENS } from './test-support.js';

const url = process.env.CENTRAL_PG_URL;

async function openIsolated(connectionString: string): Promise<CentralServer> {
  // Generated here from hex digits, never from input, so it is safe to put in the DDL.
  const schema = `central_it_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const scoped = new URL(connectionString);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  try {
    const server = await buildCentralServer({ branches: TOKENS, databaseUrl: scoped.toString() });
    return {
      ...server,
      async close() {
        await server.close();
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        await admin.end();
      },
    };
  } catch (err) {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
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
