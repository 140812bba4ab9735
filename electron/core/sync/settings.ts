import { createPrivateKey, X509Certificate } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../store/database.js';
import type { SyncEndpoint } from './transport.js';

/**
 * Where the central system is and how the branch proves who it is. Stored in the encrypted
 * store (table `sync_settings`); the secrets never leave the core: the API returns only
 * whether each one is set.
 */
export type SyncAuthKind = 'none' | 'bearer' | 'client-certificate';

export interface SyncSettings {
  baseUrl: string | null;
  authKind: SyncAuthKind;
  token: string | null;
  clientCertPem: string | null;
  clientKeyPem: string | null;
  caPem: string | null;
}

export interface SyncSettingsView {
  baseUrl: string | null;
  authKind: SyncAuthKind;
  tokenSet: boolean;
  clientCertSet: boolean;
  clientKeySet: boolean;
  caSet: boolean;
  /** The CA's subject, so an admin can see which PKI is trusted without seeing the PEM. */
  caSubject: string | null;
  updatedAt: string | null;
}

const EMPTY: SyncSettings = { baseUrl: null, authKind: 'none', token: null, clientCertPem: null, clientKeyPem: null, caPem: null };

interface Row {
  base_url: string | null;
  auth_kind: SyncAuthKind;
  bearer_token: string | null;
  client_cert_pem: string | null;
  client_key_pem: string | null;
  ca_pem: string | null;
  updated_at: string;
}

export function readSyncSettings(db: Db): SyncSettings & { updatedAt: string | null } {
  const r = db.prepare('SELECT * FROM sync_settings WHERE id = 1').get() as Row | undefined;
  if (!r) return { ...EMPTY, updatedAt: null };
  return {
    baseUrl: r.base_url,
    authKind: r.auth_kind,
    token: r.bearer_token,
    clientCertPem: r.client_cert_pem,
    clientKeyPem: r.client_key_pem,
    caPem: r.ca_pem,
    updatedAt: r.updated_at,
  };
}

export function writeSyncSettings(db: Db, s: SyncSettings, at: string, by: string | null): void {
  db.prepare(
    `INSERT INTO sync_settings (id, base_url, auth_kind, bearer_token, client_cert_pem, client_key_pem, ca_pem, updated_at, updated_by)
     VALUES (1, @baseUrl, @authKind, @token, @clientCertPem, @clientKeyPem, @caPem, @at, @by)
     ON CONFLICT (id) DO UPDATE SET base_url = excluded.base_url, auth_kind = excluded.auth_kind, bearer_token = excluded.bearer_token,
       client_cert_pem = excluded.client_cert_pem, client_key_pem = excluded.client_key_pem, ca_pem = excluded.ca_pem,
       updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run({ ...s, at, by });
}

function caSubject(pem: string | null): string | null {
  if (!pem) return null;
  try {
    return new X509Certificate(pem).subject.replace(/\n/g, ', ');
  } catch {
    return null;
  }
}

export function settingsView(s: SyncSettings & { updatedAt: string | null }): SyncSettingsView {
  return {
    baseUrl: s.baseUrl,
    authKind: s.authKind,
    tokenSet: s.token !== null,
    clientCertSet: s.clientCertPem !== null,
    clientKeySet: s.clientKeyPem !== null,
    caSet: s.caPem !== null,
    caSubject: caSubject(s.caPem),
    updatedAt: s.updatedAt,
  };
}

/** The endpoint to talk to, or null while sync is not (completely) configured. */
export function endpointOf(s: SyncSettings): SyncEndpoint | null {
  if (!s.baseUrl) return null;
  if (s.authKind === 'bearer') return s.token ? { baseUrl: s.baseUrl, auth: { kind: 'bearer', token: s.token }, caPem: s.caPem } : null;
  if (s.authKind === 'client-certificate') {
    return s.clientCertPem && s.clientKeyPem ? { baseUrl: s.baseUrl, auth: { kind: 'client-certificate', certPem: s.clientCertPem, keyPem: s.clientKeyPem }, caPem: s.caPem } : null;
  }
  return { baseUrl: s.baseUrl, auth: { kind: 'none' }, caPem: s.caPem };
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Personal data only travels encrypted: plain http is accepted for a server on this machine
 * (development, the reference server on loopback) and nowhere else.
 */
const baseUrlSchema = z
  .string()
  .trim()
  .max(500, { error: 'validation.tooLong' })
  .refine((v) => URL.canParse(v), { error: 'sync.urlInvalid' })
  .refine((v) => !URL.canParse(v) || ['https:', 'http:'].includes(new URL(v).protocol), { error: 'sync.urlInvalid' })
  .refine((v) => !URL.canParse(v) || (!new URL(v).username && !new URL(v).password && !new URL(v).search && !new URL(v).hash), { error: 'sync.urlInvalid' })
  .refine((v) => !URL.canParse(v) || new URL(v).protocol === 'https:' || LOOPBACK.has(new URL(v).hostname), { error: 'sync.httpsRequired' });

const pem = (check: (v: string) => void, code: string) =>
  z
    .string()
    .max(64 * 1024, { error: 'validation.tooLong' })
    .refine(
      (v) => {
        try {
          check(v);
          return true;
        } catch {
          return false;
        }
      },
      { error: code },
    );

const certPem = pem((v) => new X509Certificate(v), 'sync.certificateInvalid');
const keyPem = pem((v) => createPrivateKey(v), 'sync.keyInvalid');

/**
 * `sync.settings.set`. A secret left out (undefined) keeps its stored value, so the admin does
 * not have to paste the token again to change the URL; `null` removes it.
 */
export const syncSettingsInputSchema = z
  .object({
    baseUrl: baseUrlSchema.nullable(),
    authKind: z.enum(['none', 'bearer', 'client-certificate']),
    token: z.string().trim().min(16, { error: 'sync.tokenTooShort' }).max(4096, { error: 'validation.tooLong' }).regex(/^[\x21-\x7e]+$/, { error: 'sync.tokenInvalid' }).nullable().optional(),
    clientCertPem: certPem.nullable().optional(),
    clientKeyPem: keyPem.nullable().optional(),
    caPem: certPem.nullable().optional(),
  })
  .strict();

export type SyncSettingsInput = z.output<typeof syncSettingsInputSchema>;

export function mergeSettings(current: SyncSettings, input: SyncSettingsInput): SyncSettings {
  const keep = <T>(next: T | undefined, cur: T): T => (next === undefined ? cur : next);
  return {
    baseUrl: input.baseUrl,
    authKind: input.authKind,
    token: keep(input.token, current.token),
    clientCertPem: keep(input.clientCertPem, current.clientCertPem),
    clientKeyPem: keep(input.clientKeyPem, current.clientKeyPem),
    caPem: keep(input.caPem, current.caPem),
  };
}
