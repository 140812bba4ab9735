/**
 * Columns of the store that hold NO personal data, each with why. Together with
 * PERSONAL_DATA_STORAGE (storage.ts) this covers every column of every table:
 * personal-data.test.ts reads a migrated store's schema and fails on any column in neither.
 * Think twice before adding here: a column that can hold a name, an IIN, a phone, free text
 * about a person or a copy of a record belongs in storage.ts instead.
 *
 * Ids are random UUIDs (or local sequence numbers): they point at a record, and it is the
 * record's identifying fields that anonymization removes. Staff ids point at employees
 * (described once, in `staff`).
 */
function columns(table: string, why: string, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [`${table}.${n}`, why]));
}

export const NOT_PERSONAL: Readonly<Record<string, string>> = {
  ...columns('patient', "the record's own bookkeeping: random id, status, versions, times, staff ids", [
    'id',
    'status',
    'merged_into',
    'version',
    'remote_version',
    'created_at',
    'created_by',
    'updated_at',
    'updated_by',
  ]),
  ...columns('patient_history', 'which version, what kind of change, when, by which employee, which field names', [
    'id',
    'patient_id',
    'version',
    'kind',
    'changed_at',
    'changed_by',
    'fields',
  ]),
  // The FTS5 index's bookkeeping: row ids, segment ids, page numbers, sizes, settings.
  ...columns('patient_name_fts_config', 'FTS5 settings', ['k', 'v']),
  ...columns('patient_name_fts_data', 'FTS5 block ids', ['id']),
  ...columns('patient_name_fts_docsize', 'FTS5 row ids and token counts', ['id', 'sz', 'origin']),
  ...columns('patient_name_fts_idx', 'FTS5 segment and page numbers', ['segid', 'pgno']),
  ...columns('duplicate_override', 'ids of the patients compared, the employee, when', ['id', 'patient_id', 'candidate_ids', 'staff_id', 'at']),
  ...columns('draft', 'whose draft, of which form, when', ['id', 'staff_id', 'kind', 'updated_at']),
  ...columns('consent', "the consent's own record: ids, text version and its hash, purposes chosen, states, times, employees", [
    'id',
    'number',
    'patient_id',
    'version',
    'language',
    'text_sha256',
    'purposes',
    'state',
    'signature_kind',
    'signed_by',
    'pdf_sha256',
    'pdf_size',
    'created_at',
    'created_by',
    'signed_at',
    'confirmed_by',
    'refused_at',
    'withdrawn_at',
    'withdrawal_source',
    'remote_version',
  ]),
  ...columns('consent_print', 'which consent was printed, its hash, when, by which employee', ['id', 'consent_id', 'kind', 'pdf_sha256', 'printed_at', 'printed_by']),
  ...columns('consent_version', 'the published consent texts (templates, no one filled in)', [
    'version',
    'published_at',
    'published_by',
    'manifest',
    'template_kk',
    'template_ru',
    'first_used_at',
  ]),
  ...columns('document_counter', 'document numbering', ['kind', 'year', 'last']),
  ...columns('dpo_task', 'the task itself: kind, ids, status, times, employees', ['id', 'kind', 'patient_id', 'consent_id', 'status', 'created_at', 'created_by', 'closed_at', 'closed_by']),
  // The audit log's entries carry ids and counts only, never names or IINs (README, "Audit log").
  ...columns('audit_log', 'ids, actions, times and hashes; details carry ids and counts only', [
    'seq',
    'id',
    'at',
    'staff_id',
    'branch_code',
    'action',
    'entity_type',
    'entity_id',
    'details',
    'prev_hash',
    'hash',
  ]),
  ...columns('outbox', 'what to upload, by type and id', ['seq', 'resource_type', 'resource_id', 'created_at', 'state', 'attempts', 'next_attempt_at', 'last_error']),
  ...columns('sync_attempt', 'hashes of uploads (one-way), by type and id', ['resource_type', 'resource_id', 'content_hash', 'sent_at']),
  ...columns('sync_conflict', "the conflict's own record: ids, versions, status, times, employee", [
    'id',
    'kind',
    'resource_type',
    'resource_id',
    'outbox_seq',
    'local_version',
    'remote_id',
    'remote_version',
    'detected_at',
    'status',
    'resolution',
    'resolved_at',
    'resolved_by',
  ]),
  // Secrets, not personal data: they are the branch's, and never leave the encrypted store.
  ...columns('sync_settings', "the central system's address and the branch's credentials", [
    'id',
    'base_url',
    'auth_kind',
    'bearer_token',
    'client_cert_pem',
    'client_key_pem',
    'ca_pem',
    'updated_at',
    'updated_by',
  ]),
  ...columns('sync_state', "the sync engine's position and last outcome", ['id', 'pull_cursor', 'last_success_at', 'last_attempt_at', 'last_error_code', 'last_error_at']),
  ...columns('staff', "an account's role, state and times (the name and login are described)", ['id', 'role', 'active', 'must_change_password', 'created_at', 'updated_at']),
  ...columns('branch', 'the branch: a place, not a person', ['id', 'code', 'name', 'address', 'created_at', 'updated_at']),
  ...columns('operator', 'the legal entity (the director is described)', ['id', 'legal_name_kk', 'legal_name_ru', 'bin', 'postal_address', 'updated_at']),
  ...columns('meta', 'store bookkeeping (schema version, cipher, audit head)', ['key', 'value']),
  ...columns('settings', 'desk settings (idle lock, language)', ['key', 'value']),
};
