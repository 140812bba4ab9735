import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCb, type ScryptOptions } from 'node:crypto';
import { AppError } from '../errors.js';

/**
 * Keys are never written in the clear. For each staff account the store's master key is
 * sealed with AES-256-GCM under a key-encryption key derived from that person's password
 * with scrypt; the master key in turn seals the data key that SQLite encrypts pages with. The scrypt parameters are stored beside each wrapped key,
 * so they can be raised later without breaking older entries.
 */
export interface ScryptParams {
  name: 'scrypt';
  /** CPU/memory cost, a power of two. */
  N: number;
  r: number;
  p: number;
  salt: string; // base64
}

export interface WrappedKey {
  alg: 'aes-256-gcm';
  iv: string; // base64
  tag: string; // base64
  ct: string; // base64
}

/** OWASP's scrypt recommendation: N=2^17, r=8, p=1 (128 MiB, a few hundred ms here). */
export const DEFAULT_SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;

function scrypt(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const opts: ScryptOptions = {
    N: params.N,
    r: params.r,
    p: params.p,
    // Node refuses anything above 32 MiB by default; scrypt needs 128 * N * r bytes.
    maxmem: 128 * params.N * params.r + 16 * 1024 * 1024,
  };
  return new Promise((resolve, reject) => {
    scryptCb(password.normalize('NFC'), salt, 32, opts, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

export function newScryptParams(cost: { N: number; r: number; p: number } = DEFAULT_SCRYPT): ScryptParams {
  return { name: 'scrypt', ...cost, salt: randomBytes(16).toString('base64') };
}

/** AES-256-GCM under a key we already hold (no KDF). */
export function sealWithKey(kek: Buffer, plain: Buffer, aad: string): WrappedKey {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { alg: 'aes-256-gcm', iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ct: ct.toString('base64') };
}

/** Opens what `sealWithKey` sealed; a wrong key or any changed byte throws. */
export function openWithKey(kek: Buffer, wrapped: WrappedKey, aad: string): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrapped.iv, 'base64'));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(wrapped.ct, 'base64')), decipher.final()]);
}

export async function wrapKey(key: Buffer, password: string, params: ScryptParams, aad: string): Promise<WrappedKey> {
  const kek = await scrypt(password, Buffer.from(params.salt, 'base64'), params);
  try {
    return sealWithKey(kek, key, aad);
  } finally {
    kek.fill(0);
  }
}

/**
 * Returns the wrapped key, or throws `auth.wrongCredentials`. GCM's tag makes a wrong
 * password indistinguishable from a tampered entry, which is what we tell the user anyway.
 */
export async function unwrapKey(wrapped: WrappedKey, password: string, params: ScryptParams, aad: string): Promise<Buffer> {
  const kek = await scrypt(password, Buffer.from(params.salt, 'base64'), params);
  try {
    return openWithKey(kek, wrapped, aad);
  } catch (e) {
    throw new AppError('auth.wrongCredentials', { cause: e });
  } finally {
    kek.fill(0);
  }
}
