import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../format';
import { useLanguage } from '../i18n/useLanguage';
import { purposeLabel, signerText } from './labels';
import type { ConsentRecord, PurposeDef } from './types';

export type RowAction = 'reprint' | 'withdraw' | 'continue';

/**
 * The patient's consents, newest first, with what can still be done with each. A list of
 * short records rather than a wide table: it sits in one column of the patient card.
 */
export function ConsentList({ consents, defs, onAction }: { consents: ConsentRecord[]; defs: readonly PurposeDef[]; onAction(action: RowAction, c: ConsentRecord): void }) {
  const { t } = useTranslation();
  return (
    <ul className="consent-items" aria-label={t('consent:list.caption')}>
      {consents.map((c) => (
        <ConsentItem key={c.id} c={c} defs={defs} onAction={onAction} />
      ))}
    </ul>
  );
}

function ConsentItem({ c, defs, onAction }: { c: ConsentRecord; defs: readonly PurposeDef[]; onAction(action: RowAction, c: ConsentRecord): void }) {
  const { t } = useTranslation();
  const numberId = useId();
  const current = c.state === 'active' || c.state === 'pending-signature';
  return (
    <li className={current ? 'consent-item' : 'consent-item consent-item-past'} aria-labelledby={numberId}>
      <div className="consent-item-head">
        <span id={numberId} className="mono consent-item-number">
          {c.number}
        </span>
        <StateText c={c} />
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
      </div>
      <dl className="consent-facts">
        <dt>{t('consent:list.date')}</dt>
        <dd>{formatDate(c.createdAt)}</dd>
        <dt>{t('consent:list.version')}</dt>
        <dd>{c.version}</dd>
        <dt>{t('consent:list.language')}</dt>
        <dd>{t(`consent:languageShort.${c.language}`)}</dd>
        <dt>{t('consent:list.signer')}</dt>
        <dd>
          {signerText(t, c.signer)}
          {c.signatureKind ? `, ${t(`consent:signature.${c.signatureKind}`)}` : ''}
        </dd>
        <dt>{t('consent:list.purposes')}</dt>
        <dd className="consent-facts-wide">
          <PurposesText c={c} defs={defs} />
        </dd>
      </dl>
    </li>
  );
}

function StateText({ c }: { c: ConsentRecord }) {
  const { t } = useTranslation();
  const when =
    c.state === 'active' && c.signedAt
      ? t('consent:list.signedOn', { date: formatDate(c.signedAt) })
      : c.state === 'refused' && c.refusedAt
        ? formatDate(c.refusedAt)
        : c.state === 'withdrawn' && c.withdrawnAt
          ? `${t('consent:list.withdrawnOn', { date: formatDate(c.withdrawnAt) })}${c.withdrawalReason ? `: ${c.withdrawalReason}` : ''}`
          : null;
  return (
    <span className="consent-item-state">
      <span className={`consent-state consent-state-${c.state}`}>{t(`consent:state.${c.state}`)}</span>
      {when ? <span className="consent-state-when"> · {when}</span> : null}
    </span>
  );
}

/** Required purposes as one count (they are never optional); each optional one by name, yes or no. */
function PurposesText({ c, defs }: { c: ConsentRecord; defs: readonly PurposeDef[] }) {
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
