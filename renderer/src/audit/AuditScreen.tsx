import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorBody } from '../../../electron/core/api/types';
import { useApi } from '../api/ApiProvider';
import { useErrorText } from '../forms/useErrorText';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { AuditVerify } from './AuditVerify';
import { EMPTY_FILTER, PAGE_SIZE, toQuery, type AuditFilterValues, type AuditRow } from './auditTypes';

/** The manager's view of the hash-chained log of operations on personal data. */
export function AuditScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const [filter, setFilter] = useState<AuditFilterValues>(EMPTY_FILTER);
  const [rows, setRows] = useState<AuditRow[]>([]);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [loading, setLoading] = useState(false);
  // Names seen in the log so far, for the staff filter (managers cannot list staff accounts).
  const [staff, setStaff] = useState<ReadonlyMap<string, string>>(new Map());

  const load = useCallback(
    async (f: AuditFilterValues, beforeSeq?: number) => {
      setLoading(true);
      const r = await api['audit.list'](toQuery(f, beforeSeq));
      setLoading(false);
      if (!r.ok) {
        setError(r.error);
        return;
      }
      setError(null);
      setRows((prev) => (beforeSeq === undefined ? r.value : [...prev, ...r.value]));
      setMore(r.value.length === PAGE_SIZE);
      setStaff((prev) => {
        const next = new Map(prev);
        for (const row of r.value) if (row.staffId && row.staffName) next.set(row.staffId, row.staffName);
        return next.size === prev.size ? prev : next;
      });
    },
    [api],
  );

  useEffect(() => {
    void load(EMPTY_FILTER);
  }, [load]);

  const apply = (f: AuditFilterValues) => {
    setFilter(f);
    void load(f);
  };
  const oldest = rows.at(-1)?.seq;

  return (
    <section className="screen" aria-labelledby="audit-title">
      <div className="screen-header">
        <h1 id="audit-title">{t('audit:title')}</h1>
        <AuditVerify />
      </div>
      <AuditFilters staff={staff} onApply={apply} />
      {error ? (
        <p className="form-error" role="alert">
          {errorText(error)}
        </p>
      ) : null}
      <p role="status" className="visually-hidden">
        {loading ? t('common:loading') : t('audit:shown', { count: rows.length })}
      </p>
      {rows.length > 0 ? <AuditTable rows={rows} /> : !loading ? <p>{t('audit:empty')}</p> : null}
      <div className="form-actions">
        {more && oldest !== undefined ? (
          <button type="button" onClick={() => void load(filter, oldest)} disabled={loading}>
            {t('audit:older')}
          </button>
        ) : null}
      </div>
    </section>
  );
}
