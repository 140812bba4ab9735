import type { z } from 'zod';
import { AppError, type FieldIssue } from '../errors.js';

/** A message that is already a translation key, e.g. 'iin.checksum' or 'validation.required'. */
const KEY_PATTERN = /^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9]+)+$/;

function paramsOf(issue: z.core.$ZodIssue): Record<string, string | number> | undefined {
  const out: Record<string, string | number> = {};
  if ('minimum' in issue && (typeof issue.minimum === 'number' || typeof issue.minimum === 'bigint')) out.minimum = Number(issue.minimum);
  if ('maximum' in issue && (typeof issue.maximum === 'number' || typeof issue.maximum === 'bigint')) out.maximum = Number(issue.maximum);
  return Object.keys(out).length ? out : undefined;
}

/**
 * Turns zod issues into field issues whose `code` is a translation key. Schemas say what is
 * wrong with a key (`z.string().refine(..., { error: 'iin.checksum' })`); zod's own checks
 * map to `validation.<zod code>`. Zod's English sentences never reach the receptionist.
 */
export function toFieldIssues(error: z.ZodError, pathPrefix: readonly string[] = []): FieldIssue[] {
  return error.issues.map((issue) => {
    const code = KEY_PATTERN.test(issue.message) ? issue.message : `validation.${issue.code}`;
    const params = paramsOf(issue);
    const fi: FieldIssue = { path: [...pathPrefix, ...issue.path.map(String)].join('.'), code };
    if (params) fi.params = params;
    return fi;
  });
}

export function parseInput<S extends z.ZodType>(schema: S, payload: unknown, pathPrefix: readonly string[] = []): z.output<S> {
  const r = schema.safeParse(payload);
  if (!r.success) throw new AppError('validation', { issues: toFieldIssues(r.error, pathPrefix) });
  return r.data;
}
