import type { z } from 'zod';

/**
 * A field error travels through react-hook-form as one string. We keep it a translation key
 * (the same keys the core sends) with its parameters appended as a query string, e.g.
 * "validation.too_small?minimum=1", and translate only when showing it.
 */
export interface Issue {
  code: string;
  params: Record<string, string>;
}

export function encodeIssue(code: string, params?: Record<string, string | number>): string {
  if (!params || Object.keys(params).length === 0) return code;
  const q = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  return `${code}?${q.toString()}`;
}

export function decodeIssue(message: string): Issue {
  const at = message.indexOf('?');
  if (at < 0) return { code: message, params: {} };
  return { code: message.slice(0, at), params: Object.fromEntries(new URLSearchParams(message.slice(at + 1))) };
}

/**
 * Where an issue's message lives: "validation.required" → validation:required, and the
 * identity codes ("iin.checksum", "bin.format", …) under the same namespace.
 */
export function issueTranslationKey(code: string): string {
  return `validation:${code.startsWith('validation.') ? code.slice('validation.'.length) : code}`;
}

/**
 * Zod's own checks, when a schema gives no key of its own: the same `validation.<zod code>`
 * fallback the core uses (api/validation.ts), never zod's English sentence.
 */
export function zodIssueMessage(issue: z.core.$ZodRawIssue): string {
  const params: Record<string, number> = {};
  if ('minimum' in issue && (typeof issue.minimum === 'number' || typeof issue.minimum === 'bigint')) params.minimum = Number(issue.minimum);
  if ('maximum' in issue && (typeof issue.maximum === 'number' || typeof issue.maximum === 'bigint')) params.maximum = Number(issue.maximum);
  return encodeIssue(`validation.${issue.code ?? 'custom'}`, params);
}
