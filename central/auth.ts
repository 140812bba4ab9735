import { createHash, timingSafeEqual } from 'node:crypto';
import type { SqlClient } from './db.js';

/** A branch's bearer token, or the hex SHA-256 of it (so config files need not hold tokens). */
export type BranchCredential = string | { sha256: string };

/** Branch code → credential. */
export type BranchCredentials = Readonly<Record<string, BranchCredential>>;

export const BRANCH_CODE = /^[A-Za-z0-9_-]{1,32}$/;
/** Long enough that guessing is hopeless; `openssl rand -base64 32` gives 44 characters. */
export const MIN_TOKEN_LENGTH = 24;

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

interface BranchKey {
  code: string;
  hash: Buffer;
}

function keyOf(code: string, credential: BranchCredential): BranchKey {
  if (!BRANCH_CODE.test(code)) throw new Error(`branch code "${code}" must be 1–32 letters, digits, - or _`);
  if (typeof credential === 'string') {
    if (credential.length < MIN_TOKEN_LENGTH) {
      throw new Error(`the token of branch ${code} is shorter than ${MIN_TOKEN_LENGTH} characters`);
    }
    return { code, hash: hashToken(credential) };
  }
  if (!/^[0-9a-f]{64}$/i.test(credential.sha256)) throw new Error(`branch ${code}: sha256 must be 64 hex digits`);
  return { code, hash: Buffer.from(credential.sha256, 'hex') };
}

/** Resolves a request's Authorization header to a branch code. */
export interface Authenticator {
  branchOf(authorization: string | undefined): string | undefined;
}

/**
 * Makes the configured branches the only valid ones: their rows are created or given the new
 * token hash, and any other branch in the database is revoked (its rows stay, because its
 * past writes and access-log entries name it).
 */
export async function configureBranches(sql: SqlClient, credentials: BranchCredentials, now: Date): Promise<Authenticator> {
  const keys = Object.entries(credentials).map(([code, credential]) => keyOf(code, credential));
  await sql.transaction(async (tx) => {
    await tx.query('UPDATE branch SET token_hash = NULL, updated_at = $1 WHERE token_hash IS NOT NULL', [
      now.toISOString(),
    ]);
    for (const k of keys) {
      await tx.query(
        `INSERT INTO branch (code, token_hash, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (code) DO UPDATE SET token_hash = $2, updated_at = $3`,
        [k.code, k.hash, now.toISOString()],
      );
    }
  });
  return {
    branchOf(authorization) {
      const match = /^Bearer ([\x21-\x7e]{1,512})$/.exec(authorization ?? '');
      if (!match?.[1]) return undefined;
      const presented = hashToken(match[1]);
      // Compare against every branch, in constant time each and without stopping at a match,
      // so timing tells nothing about which token or how much of it was right.
      let found: string | undefined;
      for (const k of keys) {
        if (timingSafeEqual(presented, k.hash) && found === undefined) found = k.code;
      }
      return found;
    },
  };
}
