import { useTranslation } from 'react-i18next';
import { formatDate } from '../format';
import { useLanguage } from '../i18n/useLanguage';
import { purposeLabel, signerText } from './labels';
import type { ConsentRecord, PurposeDef } from './types';

export type RowAction = 'reprint' | 'withdraw' | 'continue';

/** The patient's consents, newest first, with what can still be done with each. */
export function ConsentList({ consents, defs, onAction }: { consents: ConsentRecord[]; defs: readonly PurposeDef[]; onAction(action: RowAction, c: ConsentRecord): void }) {
  const { t } = useTranslation();
  return (
    <table className="data-table consent-table">
      <caption className="visually-hidden">{t('consent:list.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('consent:list.number')}</th>
          <th scope="col">{t('consent:list.date')}</th>
          <th scope="col">{t('consent:list.version')}</th>
          <th scope="col">{t('consent:list.language')}</th>
          <th scope="col">{t('consent:list.state')}</th>
          <th scope="col">{t('consent:list.signer')}</th>
          <th scope="col">{t('consent:list.purposes')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('consent:list.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {consents.map((c) => (
          <tr key={c.id} className={c.state === 'active' || c.state === 'pending-signature' ? undefined : 'row-inactive'}>
            <th scope="row" className="mono nowrap">
              {c.number}
            </th>
            <td className="nowrap">{formatDate(c.createdAt)}</td>
            <td>{c.version}</td>
            <td>{t(`consent:languageShort.${c.language}`)}</td>
            <td>
              <StateCell c={c} />
            </td>
            <td>
              {signerText(t, c.signer)}
              {c.signatureKind ? <span className="cell-note">{t(`consent:signature.${c.signatureKind}`)}</span> : null}
            </td>
            <td>
              <PurposesCell c={c} defs={defs} />
            </td>
            <td>
              <div className="row-actions">
                {c.state === 'pending-signature' ? (
                  <button type="button" onClick={() => onAction('continue', c)} aria-label={t('consent:list.continueFor', { number: c.number })}>
                    {t('consent:list.continue')}
                  </button>
                ) : null}
                {c.pdfSha256 ? (
                  <button type="button" onClick={() => onAction('reprint', c)} aria-label={t('consent:list.reprintFor', { number: c.number })}>
                    {t('consent:list.reprint')}
                  </button>
                ) : null}
                {c.state === 'active' ? (
                  <button type="button" onClick={() => onAction('withdraw', c)} aria-label={t('consent:list.withdrawFor', { number: c.number })}>
                    {t('consent:list.withdraw')}
                  </button>
                ) : null}
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function StateCell({ c }: { c: ConsentRecord }) {
  const { t } = useTranslation();
  return (
    <>
      <span className={`consent-state consent-state-${c.state}`}>{t(`consent:state.${c.state}`)}</span>
      {c.state === 'active' && c.signedAt ? <span className="cell-note">{t('consent:list.signedOn', { date: formatDate(c.signedAt) })}</span> : null}
      {c.state === 'refused' && c.refusedAt ? <span className="cell-note">{formatDate(c.refusedAt)}</span> : null}
      {c.state === 'withdrawn' && c.withdrawnAt ? (
        <span className="cell-note">
          {t('consent:list.withdrawnOn', { date: formatDate(c.withdrawnAt) })}
          {c.withdrawalReason ? `: ${c.withdrawalReason}` : ''}
        </span>
      ) : null}
    </>
  );
}

/** Required purposes as one count (they are never optional); each optional one by name, yes or no. */
function PurposesCell({ c, defs }: { c: ConsentRecord; defs: readonly PurposeDef[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const required = new Set(defs.filter((d) => d.required).map((d) => d.id));
  const chosenRequired = c.purposes.filter((p) => required.has(p.id) && p.chosen).length;
  const optional = c.purposes.filter((p) => !required.has(p.id));
  return (
    <ul className="purpose-summary">
      <li>{t('consent:list.requiredChosen', { count: chosenRequired })}</li>
      {optional.map((p) => (
        <li key={p.id} title={purposeLabel(p.id, defs, language)}>
          {t(`consent:purposeShort.${p.id}`, { defaultValue: purposeLabel(p.id, defs, language) })}: {p.chosen ? t('consent:list.yes') : t('consent:list.no')}
        </li>
      ))}
    </ul>
  );
}
