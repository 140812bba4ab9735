import { useTranslation } from 'react-i18next';
import { formatDate } from '../format';
import type { StaffItem } from './staffTypes';

export function StaffTable({ rows, onEdit, onReset }: { rows: StaffItem[]; onEdit(s: StaffItem): void; onReset(s: StaffItem): void }) {
  const { t } = useTranslation();
  return (
    <table className="data-table">
      <caption className="visually-hidden">{t('admin:staff.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('admin:staff.fullName')}</th>
          <th scope="col">{t('admin:staff.login')}</th>
          <th scope="col">{t('admin:staff.role')}</th>
          <th scope="col">{t('admin:staff.status')}</th>
          <th scope="col">{t('admin:staff.createdAt')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('admin:staff.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((s) => (
          <tr key={s.id} className={s.active ? undefined : 'row-inactive'}>
            <th scope="row">{s.fullName}</th>
            <td>{s.login}</td>
            <td>{t(`common:role.${s.role}`)}</td>
            <td>
              {s.active ? t('admin:staff.active') : t('admin:staff.inactive')}
              {s.mustChangePassword ? <span className="badge">{t('admin:staff.mustChange')}</span> : null}
            </td>
            <td>{formatDate(s.createdAt)}</td>
            <td>
              <div className="row-actions">
                <button type="button" aria-label={t('admin:staff.editFor', { name: s.fullName })} onClick={() => onEdit(s)}>
                  {t('admin:staff.edit')}
                </button>
                <button type="button" aria-label={t('admin:staff.resetFor', { name: s.fullName })} onClick={() => onReset(s)}>
                  {t('admin:staff.reset')}
                </button>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
