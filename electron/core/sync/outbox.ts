import type { Db } from '../store/database.js';
import { Statements } from '../store/statements.js';

/** FHIR resource types the desk uploads. */
export type OutboxResourceType = 'Patient' | 'Consent' | 'DocumentReference' | 'AuditEvent' | 'QuestionnaireResponse' | 'Task';

/**
 * Queues a resource for upload. Callers run this inside the same transaction as the change
 * itself, so a crash can never keep the change and lose its upload, or the reverse. A
 * resource already waiting is not queued twice: its current content is read when it is sent.
 */
const ENQUEUE_SQL = `INSERT INTO outbox (resource_type, resource_id, created_at) VALUES (?, ?, ?)
  ON CONFLICT (resource_type, resource_id) WHERE state IN ('pending', 'failed') DO NOTHING`;

export function enqueue(target: Db | Statements, type: OutboxResourceType, id: string, at: string): void {
  const stmt = target instanceof Statements ? target.get(ENQUEUE_SQL) : target.prepare(ENQUEUE_SQL);
  stmt.run(type, id, at);
}
