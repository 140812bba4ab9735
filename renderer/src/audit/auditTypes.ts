import type { MethodInput, MethodOutput } from '../../../electron/core/api/types';
import { parseDate } from '../format';

export type AuditRow = MethodOutput<'audit.list'>[number];
export type AuditQuery = MethodInput<'audit.list'>;
export type Verdict = MethodOutput<'audit.verify'>;

export interface AuditFilterValues {
  action: string;
  staffId: string;
  entityId: string;
  /** dd.MM.yyyy, inclusive */
  from: string;
  /** dd.MM.yyyy, inclusive */
  to: string;
}

export const EMPTY_FILTER: Readonly<AuditFilterValues> = Object.freeze({ action: '', staffId: '', entityId: '', from: '', to: '' });

export const PAGE_SIZE = 50;

/** The form's values as the core's filter: empty means "any"; the "to" day is included. */
export function toQuery(f: AuditFilterValues, beforeSeq?: number): AuditQuery {
  const q: AuditQuery = { limit: PAGE_SIZE };
  if (f.action) q.action = f.action;
  if (f.staffId) q.staffId = f.staffId;
  if (f.entityId.trim()) q.entityId = f.entityId.trim();
  const from = parseDate(f.from);
  if (from) q.from = from.toISOString();
  const to = parseDate(f.to);
  if (to) q.to = new Date(to.getFullYear(), to.getMonth(), to.getDate() + 1).toISOString();
  if (beforeSeq !== undefined) q.beforeSeq = beforeSeq;
  return q;
}

/** Nested translation keys back to action codes: { auth: { login } } → "auth.login". */
export function flattenKeys(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null) return prefix ? [prefix] : [];
  return Object.entries(obj).flatMap(([k, v]) => flattenKeys(v, prefix ? `${prefix}.${k}` : k));
}
