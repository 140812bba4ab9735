import { z } from 'zod';
import { ERROR_CODES } from '../errors.js';

/**
 * What the main process and the core process (Electron's utilityProcess; a worker or the same
 * thread in tests) say to each other over their MessagePort. Each side parses what it
 * receives with these schemas and drops anything else: a message from a confused or
 * compromised peer never reaches a handler, and nothing a peer sends can throw out of a
 * listener.
 *
 * Two conversations share the port:
 * - calls: the main process forwards a window's API call (method + payload, exactly what the
 *   renderer sent) with the window's session key; the core answers with the handler's result;
 * - host calls: the core asks the main process for what only it can do (printing through
 *   Chromium's print engine, the OS keychain) and waits for the reply.
 */
const bytes = z.instanceof(Uint8Array);
const errorCode = z.enum(ERROR_CODES);
const sessionKey = z.string().min(1).max(64);
const id = z.number().int().nonnegative();

/** What the core process needs to open the desk; paths only, never secrets. */
export const coreConfigSchema = z.object({
  dataDir: z.string().min(1),
  resourcesDir: z.string().min(1),
  /** The SQLite addon built for Electron's ABI. */
  nativeBinding: z.string().min(1).optional(),
  /** The bundled VACUUM INTO worker (its own entry in the build). */
  vacuumWorker: z.string().min(1).optional(),
  /**
   * The OS keychain the main process found: `usable` is false for Linux's `basic_text` (a
   * fixed, public password) and where safeStorage is unavailable; the name is still passed,
   * so a store sealed by another keychain is reported as such.
   */
  keychain: z.object({ backend: z.string().min(1).max(40), usable: z.boolean() }).nullable(),
  /** Whether the host can put a form on paper (Electron can; a test host may not). */
  paper: z.boolean(),
});
export type CoreConfig = z.infer<typeof coreConfigSchema>;

export const printerSchema = z.object({
  name: z.string().min(1).max(300),
  displayName: z.string().max(300),
  state: z.enum(['ready', 'offline', 'unknown']),
});

/** Each host operation: what the core sends and what the main process answers. */
export const hostOps = {
  'print.pdf': { request: z.object({ html: z.string().min(1).max(50_000_000) }), reply: z.object({ pdf: bytes }) },
  'print.paper': {
    request: z.object({ html: z.string().min(1).max(50_000_000), printer: z.string().min(1).max(300).nullable(), silent: z.boolean() }),
    reply: z.object({ outcome: z.enum(['printed', 'cancelled']) }),
  },
  'print.printers': { request: z.object({}), reply: z.object({ printers: z.array(printerSchema).max(500) }) },
  'keychain.seal': { request: z.object({ data: bytes }), reply: z.object({ data: bytes }) },
  'keychain.open': { request: z.object({ data: bytes }), reply: z.object({ data: bytes }) },
} as const;
export type HostOp = keyof typeof hostOps;
export type HostRequest<K extends HostOp> = z.infer<(typeof hostOps)[K]['request']>;
export type HostReply<K extends HostOp> = z.infer<(typeof hostOps)[K]['reply']>;
export const HOST_OPS = Object.keys(hostOps) as HostOp[];

const hostReplyBody = z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), value: z.unknown() }), z.object({ ok: z.literal(false), code: errorCode })]);

/** main → core */
export const toCoreSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('init'), config: coreConfigSchema }),
  z.object({ type: z.literal('call'), id, session: sessionKey, method: z.string().min(1).max(100), payload: z.unknown() }),
  z.object({ type: z.literal('endSession'), session: sessionKey }),
  z.object({ type: z.literal('lockAll'), reason: z.enum(['os-lock', 'suspend']) }),
  z.object({ type: z.literal('hostReply'), id, reply: hostReplyBody }),
  z.object({ type: z.literal('shutdown') }),
]);
export type ToCore = z.infer<typeof toCoreSchema>;

const errorBody = z.object({
  code: errorCode,
  issues: z.array(z.object({ path: z.string(), code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() })).optional(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});

export const logFieldsSchema = z.record(z.string().max(40), z.union([z.string().max(200), z.number(), z.boolean()]));

/** core → main */
export const fromCoreSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('initFailed'), code: errorCode }),
  z.object({
    type: z.literal('result'),
    id,
    result: z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), value: z.unknown() }), z.object({ ok: z.literal(false), error: errorBody })]),
  }),
  z.object({ type: z.literal('hostCall'), id, op: z.enum(HOST_OPS as [HostOp, ...HostOp[]]), args: z.unknown() }),
  z.object({ type: z.literal('log'), level: z.enum(['info', 'warn', 'error']), event: z.string().min(1).max(80), fields: logFieldsSchema }),
  z.object({ type: z.literal('closed') }),
]);
export type FromCore = z.infer<typeof fromCoreSchema>;
