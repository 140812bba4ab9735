import type Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from './database.js';

/**
 * Prepared statements, compiled once per connection. better-sqlite3 compiles SQL on every
 * `prepare`; on the registration path that compile cost was most of the time spent. One
 * cache lives in each repository object (never module-wide), so it dies with its connection.
 */
export class Statements {
  private readonly cache = new Map<string, Database.Statement>();

  constructor(private readonly db: Db) {}

  get(sql: string): Database.Statement {
    let s = this.cache.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.cache.set(sql, s);
    }
    return s;
  }
}
