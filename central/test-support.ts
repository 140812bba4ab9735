/**
 * Helpers shared by the central server's tests (this file holds no tests itself).
 */
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { Bundle, Meta, OperationOutcome, Resource } from '@medplum/fhirtypes';
import pg from 'pg';
import { expect } from 'vitest';
import { FHIR_SYSTEMS } from '../electron/core/fhir/systems.js';
import { CENTRAL_EXTENSIONS } from './fhir/outcome.js';
import type { CentralServer } from './server.js';

export const TOKENS = {
  BR01: 'br01-token-0123456789abcdefghij',
  BR02: 'br02-token-0123456789abcdefghij',
} as const;

export type BranchCode = keyof typeof TOKENS;

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: Record<string, unknown>;
}

/** Calls the server as a branch (or anonymously with `branch: null`) through fastify's inject. */
export async function call(
  server: CentralServer,
  branch: BranchCode | null,
  method: 'GET' | 'POST',
  url: string,
  payload?: unknown,
): Promise<Reply> {
  const res = await server.app.inject({
    method,
    url,
    headers: {
      ...(branch ? { authorization: `Bearer ${TOKENS[branch]}` } : {}),
      ...(payload === undefined ? {} : { 'content-type': 'application/fhir+json' }),
    },
    ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
  });
  return { status: res.statusCode, headers: res.headers, body: res.body ? (JSON.parse(res.body) as Record<string, unknown>) : {} };
}

/** A random 12-digit identifier (the server does not check IIN check digits). */
export function freshIin(): string {
  return String(randomInt(900_000_000_000, 1_000_000_000_000));
}

export function patient(id: string, iin: string, family = 'Ахметова'): Record<string, unknown> {
  return {
    resourceType: 'Patient',
    id,
    identifier: [{ system: FHIR_SYSTEMS.iin, value: iin }],
    name: [{ family, given: ['Айгерім'] }],
    gender: 'female',
    birthDate: '1990-01-01',
  };
}

export function consent(id: string, patientId: string, status = 'active'): Record<string, unknown> {
  return {
    resourceType: 'Consent',
    id,
    status,
    scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] },
    category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0' }] }],
    patient: { reference: `Patient/${patientId}` },
    dateTime: '2026-11-25T09:00:00Z',
    policy: [{ uri: `${FHIR_SYSTEMS.consentText}/1/kk` }],
  };
}

export interface Put {
  resource: Record<string, unknown>;
  ifMatch?: number;
  /** Defaults to `Type/id`. */
  url?: string;
}

export function transaction(...puts: Put[]): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: puts.map((p) => ({
      resource: p.resource as unknown as Resource,
      request: {
        method: 'PUT',
        url: p.url ?? `${String(p.resource.resourceType)}/${String(p.resource.id)}`,
        ...(p.ifMatch === undefined ? {} : { ifMatch: `W/"${p.ifMatch}"` }),
      },
    })),
  };
}

export async function put(server: CentralServer, branch: BranchCode, ...puts: Put[]): Promise<Reply> {
  return call(server, branch, 'POST', '/fhir', transaction(...puts));
}

export const newId = (): string => randomUUID();

/** The parts of an OperationOutcome a sync client acts on. */
export function outcomeOf(body: Record<string, unknown>) {
  const outcome = body as unknown as OperationOutcome;
  const first = outcome.issue?.[0];
  const ext = (url: string) => first?.extension?.find((e) => e.url === url);
  return {
    resourceType: outcome.resourceType,
    code: first?.code,
    expression: first?.expression?.[0],
    diagnostics: first?.diagnostics ?? '',
    currentVersion: ext(CENTRAL_EXTENSIONS.currentVersion)?.valueString,
    existing: ext(CENTRAL_EXTENSIONS.existingResource)?.valueReference?.reference,
  };
}

export function entryResponses(body: Record<string, unknown>) {
  return ((body as unknown as Bundle).entry ?? []).map((e) => e.response);
}

/** Every change a branch's `_history` delivers from the start, following `next` links. */
export async function syncAll(server: CentralServer, branch: BranchCode, count: number, since = '0') {
  const seen: string[] = [];
  let url: string | undefined = `/fhir/_history?_since=${since}&_count=${count}`;
  let cursor = since;
  let pages = 0;
  while (url) {
    const res = await call(server, branch, 'GET', url.replace(/^https?:\/\/[^/]+/, ''));
    expect(res.status).toBe(200);
    const bundle = res.body as unknown as Bundle & { meta: Meta };
    expect(bundle.type).toBe('history');
    expect((bundle.entry ?? []).length).toBeLessThanOrEqual(count);
    for (const e of bundle.entry ?? []) seen.push(`${e.request?.url}@${e.response?.etag}`);
    cursor = bundle.meta.extension?.find((x) => x.url === CENTRAL_EXTENSIONS.syncCursor)?.valueString ?? cursor;
    url = bundle.link?.find((l) => l.relation === 'next')?.url;
    pages += 1;
  }
  return { seen, cursor, pages };
}

/**
 * A schema of its own on the PostgreSQL at `connectionString`, for one test run: the URL to
 * use (its search_path set to the schema) and a function that drops the schema.
 */
export async function isolatedSchema(connectionString: string): Promise<{ databaseUrl: string; drop(): Promise<void> }> {
  // Generated here from hex digits, never from input, so it is safe to put in the DDL.
  const schema = `central_it_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const scoped = new URL(connectionString);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  return {
    databaseUrl: scoped.toString(),
    async drop() {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}
