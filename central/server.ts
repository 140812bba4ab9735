import fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { systemClock, type Clock } from '../electron/core/clock.js';
import { createAdmin, type CentralAdmin } from './admin.js';
import { configureBranches, type BranchCredentials } from './auth.js';
import { openDatabase, sqlState, type DatabaseOptions, type SqlClient } from './db.js';
import { capabilityStatement } from './fhir/capability.js';
import { FhirError, fhirError } from './fhir/outcome.js';
import { asResource, branchHistory, readResource, searchPatients, type Query } from './fhir/read.js';
import { isSyncedType } from './fhir/resource-types.js';
import { runTransaction } from './fhir/transaction.js';
import { ensureResourceSchemas } from './fhir/validate.js';
import { migrate } from './schema.js';

export interface CentralServerOptions extends DatabaseOptions {
  /** Branch code → bearer token (or its SHA-256). These become the only valid branches. */
  branches: BranchCredentials;
  /** PEM certificate and key: serve HTTPS. Production traffic carries personal data. */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** Largest request body; a sync batch with scanned consent PDFs stays far below. */
  bodyLimitBytes?: number;
  /** Largest `_count` of `_history`. */
  maxPageSize?: number;
  /** Base of fullUrl and links, e.g. https://central.example.kz/fhir, when behind a proxy. */
  publicBaseUrl?: string;
  clock?: Clock;
  /** An open database to use instead of opening one; the server leaves it open on close. */
  sql?: SqlClient;
  /**
   * Told of each 500, with the error's class name and SQLSTATE only: messages of database
   * errors can quote the values involved (an IIN in a key), so they are not passed on.
   */
  onInternalError?: (summary: { name: string; sqlState?: string }) => void;
}

export interface CentralServer {
  app: FastifyInstance;
  admin: CentralAdmin;
  sql: SqlClient;
  close(): Promise<void>;
}

export const DEFAULT_BODY_LIMIT = 20 * 1024 * 1024;
export const DEFAULT_MAX_PAGE = 1000;
const FHIR_JSON = 'application/fhir+json; charset=utf-8';
const PUBLIC_ROUTES = new Set(['/fhir/metadata']);

function send(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply.code(status).type(FHIR_JSON).send(body);
}

function toQuery(raw: unknown): Query {
  const out: Query = {};
  if (typeof raw !== 'object' || raw === null) return out;
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'))) {
      out[key] = value;
    }
  }
  return out;
}

/** Fastify's own errors (body too large, bad JSON…) as FHIR errors; anything else is a 500. */
function toFhirError(err: FastifyError): FhirError {
  if (err instanceof FhirError) return err;
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return fhirError(413, 'too-long', 'the request body is too large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return fhirError(415, 'not-supported', 'send application/fhir+json');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return fhirError(400, 'structure', 'the body is not valid JSON');
  }
  if (err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500) {
    return fhirError(err.statusCode, 'invalid', 'the request is malformed');
  }
  // With one writer at a time this is not expected; if it happens, no write went through.
  if (sqlState(err) === '23505') return fhirError(409, 'conflict', 'a uniqueness rule was violated');
  return fhirError(500, 'exception', 'internal error');
}

function httpDate(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? '' : new Date(t).toUTCString();
}

/**
 * Builds the central FHIR server: opens (or takes) the database, migrates it, installs the
 * branch tokens, and returns the fastify app, not yet listening.
 */
export async function buildCentralServer(opts: CentralServerOptions): Promise<CentralServer> {
  ensureResourceSchemas();
  const clock = opts.clock ?? systemClock;
  const sql = opts.sql ?? (await openDatabase(opts));
  const ownsSql = opts.sql === undefined;
  try {
    await migrate(sql);
    const auth = await configureBranches(sql, opts.branches, clock.now());
    const maxPage = opts.maxPageSize ?? DEFAULT_MAX_PAGE;
    const startedAt = clock.now().toISOString();

    // logger off: URLs carry identifiers (Patient?identifier=…|IIN) and bodies carry patients.
    const app = fastify({
      logger: false,
      bodyLimit: opts.bodyLimitBytes ?? DEFAULT_BODY_LIMIT,
      ...(opts.tls ? { https: { cert: opts.tls.cert, key: opts.tls.key } } : {}),
    });
    // JSON only: fastify's text/plain parser would hand the handlers a string body.
    app.removeContentTypeParser('text/plain');
    app.addContentTypeParser('application/fhir+json', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));

    const baseUrl = (req: FastifyRequest) => opts.publicBaseUrl ?? `${req.protocol}://${req.host}/fhir`;
    // Authenticated branch per request; owned by this server instance, not module state.
    const branchByRequest = new WeakMap<FastifyRequest, string>();
    const branchOf = (req: FastifyRequest): string => {
      const branch = branchByRequest.get(req);
      if (branch === undefined) throw fhirError(401, 'login', 'a valid branch token is required');
      return branch;
    };

    // Default deny: every route, including unknown ones, needs a token unless listed public.
    app.addHook('onRequest', async (req, reply) => {
      if (req.routeOptions.url !== undefined && PUBLIC_ROUTES.has(req.routeOptions.url)) return;
      const branch = auth.branchOf(req.headers.authorization);
      if (branch === undefined) {
        reply.header('WWW-Authenticate', 'Bearer realm="central"');
        throw fhirError(401, 'login', 'a valid branch token is required');
      }
      branchByRequest.set(req, branch);
    });
    app.setErrorHandler<FastifyError>((err, _req, reply) => {
      const e = toFhirError(err);
      if (e.status >= 500) {
        const state = sqlState(err);
        opts.onInternalError?.({ name: err.name, ...(state ? { sqlState: state } : {}) });
      }
      return send(reply, e.status, e.outcome);
    });
    app.setNotFoundHandler((req, reply) =>
      send(reply, 404, fhirError(404, 'not-supported', `${req.method} is not supported at this URL`).outcome),
    );

    app.get('/fhir/metadata', async (req, reply) => send(reply, 200, capabilityStatement(baseUrl(req), startedAt)));

    app.post('/fhir', async (req, reply) => {
      const bundle = await runTransaction({ sql, branch: branchOf(req), clock }, req.body);
      return send(reply, 200, bundle);
    });

    app.get('/fhir/_history', async (req, reply) => {
      const ctx = { sql, branch: branchOf(req), baseUrl: baseUrl(req) };
      return send(reply, 200, await branchHistory(ctx, toQuery(req.query), maxPage));
    });

    app.get<{ Params: { type: string } }>('/fhir/:type', async (req, reply) => {
      const ctx = { sql, branch: branchOf(req), baseUrl: baseUrl(req) };
      if (req.params.type === 'Patient') return send(reply, 200, await searchPatients(ctx, toQuery(req.query), clock.now()));
      if (isSyncedType(req.params.type)) throw fhirError(400, 'not-supported', 'search is supported on Patient only');
      throw fhirError(404, 'not-supported', 'unknown resource type');
    });

    const readRoute = async (
      req: FastifyRequest<{ Params: { type: string; id: string; vid?: string } }>,
      reply: FastifyReply,
    ) => {
      const ctx = { sql, branch: branchOf(req), baseUrl: baseUrl(req) };
      const v = await readResource(ctx, req.params.type, req.params.id, req.params.vid);
      reply.header('ETag', `W/"${v.version}"`);
      const lastModified = httpDate(v.lastUpdated);
      if (lastModified) reply.header('Last-Modified', lastModified);
      return send(reply, 200, asResource(v));
    };
    app.get('/fhir/:type/:id', readRoute);
    app.get('/fhir/:type/:id/_history/:vid', readRoute);

    return {
      app,
      admin: createAdmin(sql, clock),
      sql,
      async close() {
        await app.close();
        if (ownsSql) await sql.close();
      },
    };
  } catch (err) {
    if (ownsSql) await sql.close();
    throw err;
  }
}
