import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format';
import type { AuditRow } from './auditTypes';

function detailsText(details: AuditRow['details']): string {
  return Object.entries(details)
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(', ');
}

export function AuditTable({ rows }: { rows: AuditRow[] }) {
  const { t } = useTranslation();
  return (
    <table className="data-table audit-table">
      <caption className="visually-hidden">{t('audit:title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('audit:col.seq')}</th>
          <th scope="col">{t('audit:col.at')}</th>
          <th scope="col">{t('audit:col.staff')}</th>
          <th scope="col">{t('audit:col.action')}</th>
          <th scope="col">{t('audit:col.entity')}</th>
          <th scope="col">{t('audit:col.details')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.seq}>
            <td className="num">{r.seq}</td>
            <td className="nowrap">{formatDateTime(r.at)}</td>
            <td>{r.staffName ?? (r.staffId ? r.staffId : t('audit:system'))}</td>
            <td>{t(`audit:action.${r.action}`, { defaultValue: r.action })}</td>
            <td className="mono">
              {r.entityType ? `${t(`audit:entity.${r.entityType}`, { defaultValue: r.entityType })} ` : ''}
              {r.entityId ?? ''}
            </td>
            <td className="mono">{detailsText(r.details)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
