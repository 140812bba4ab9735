import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PatientSummary } from '../../../electron/core/patients/patient-row';
import { prefillFromQuery, type PatientPrefill } from '../patient/prefill';
import { optionId, SearchResults } from './SearchResults';
import { usePatientSearch } from './usePatientSearch';

const LIST_ID = 'desk-results';

/**
 * The desk's main field: IIN, surname or phone. Results follow her typing; arrows move,
 * Enter opens the highlighted one (the top one unless she moved). Enter pressed before the
 * answer to the latest query has come opens its top result as soon as it arrives.
 */
export function DeskSearch(props: {
  query: string;
  onQuery(q: string): void;
  focusKey: number;
  onOpen(id: string): void;
  onNew(prefill: PatientPrefill): void;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const search = usePatientSearch(props.query);
  const [active, setActive] = useState(0);
  /** The query whose answer Enter is waiting for; typing on makes it moot. */
  const [openWhenReady, setOpenWhenReady] = useState<string | null>(null);
  const typed = props.query.trim();
  const current = search.query === typed && search.status === 'done';
  const results = current ? search.results : search.query !== '' && typed.startsWith(search.query) ? search.results : [];

  useEffect(() => {
    const el = input.current;
    // Select the old query only when the focus comes back from elsewhere: if the field has the
    // focus already she may be typing, and selecting would make her next key replace what she
    // just typed (seen right after login, when the desk mounts while keys are arriving).
    if (!el || document.activeElement === el) return;
    el.focus();
    el.select();
  }, [props.focusKey]);

  useEffect(() => setActive(0), [search.query]);

  useEffect(() => {
    if (openWhenReady === null || !current) return;
    setOpenWhenReady(null);
    if (openWhenReady !== typed) return;
    const top = search.results[0];
    if (top) props.onOpen(top.id);
    else props.onNew(prefillFromQuery(typed));
  }, [openWhenReady, current, search.results, typed, props]);

  const open = (p: PatientSummary) => props.onOpen(p.id);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (results.length === 0) return;
      const step = e.key === 'ArrowDown' ? 1 : results.length - 1;
      setActive((a) => (a + step) % results.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const picked = results[active];
      // Nothing found: Enter is the "New patient" action, carrying what she typed.
      if (current && picked) open(picked);
      else if (current) props.onNew(prefillFromQuery(typed));
      else if (typed !== '') setOpenWhenReady(typed);
    } else if (e.key === 'Escape' && props.query !== '') {
      e.preventDefault();
      props.onQuery('');
    }
  };

  const nothing = current && search.results.length === 0;
  const prefill = prefillFromQuery(props.query);
  const activeResult = results[active];

  return (
    <section className="desk-search">
      <div className="desk-search-row">
        <div className="field field-large desk-search-field">
          <label id="desk-search-label" htmlFor="desk-search">
            {t('common:desk.searchLabel')}
          </label>
          <input
            ref={input}
            id="desk-search"
            type="search"
            role="combobox"
            aria-expanded={results.length > 0}
            aria-controls={LIST_ID}
            aria-autocomplete="list"
            aria-activedescendant={activeResult ? optionId(LIST_ID, activeResult.id) : undefined}
            aria-describedby="desk-search-hint"
            autoComplete="off"
            spellCheck={false}
            value={props.query}
            onChange={(e) => props.onQuery(e.target.value)}
            onKeyDown={onKeyDown}
          />
          <p id="desk-search-hint" className="field-hint">
            {t('desk:search.hint')}
          </p>
        </div>
        <button type="button" className="desk-new" title={t('desk:search.newTitle', { shortcut: 'Alt+N' })} aria-keyshortcuts="Alt+N" onClick={() => props.onNew(prefill)}>
          {t('desk:search.new')}
        </button>
      </div>
      <p className="visually-hidden" role="status">
        {current && typed !== '' ? t('desk:search.found', { count: search.results.length }) : ''}
      </p>
      {search.status === 'failed' && search.query === typed ? <p className="form-error">{t('desk:search.failed')}</p> : null}
      {results.length > 0 ? <SearchResults id={LIST_ID} label={t('desk:search.results')} results={results} active={active} onPick={open} /> : null}
      {nothing ? (
        <div className="desk-empty">
          <p>{t('desk:search.nothing', { query: typed })}</p>
          <button type="button" className="primary" onClick={() => props.onNew(prefill)}>
            {prefill.iin
              ? t('desk:search.newWithIin', { iin: prefill.iin })
              : prefill.phone
                ? t('desk:search.newWithPhone', { phone: prefill.phone })
                : prefill.surname
                  ? t('desk:search.newWithName', { name: [prefill.surname, prefill.givenName, prefill.patronymic].filter(Boolean).join(' ') })
                  : t('desk:search.new')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
