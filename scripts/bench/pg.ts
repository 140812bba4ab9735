import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A throwaway schema on the PostgreSQL at `connectionString`: its URL, and a drop. */
export async function isolatedSchemaUrl(connectionString: string): Promise<{ url: string; drop(): Promise<void> }> {
  // Generated from hex digits here, never from input: safe in the DDL.
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const scoped = new URL(connectionString);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: scoped.toString(),
    async drop() {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}
