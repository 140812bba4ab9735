import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { optionId, SearchResults } from '../../../desk/SearchResults';
import { usePatientSearch } from '../../../desk/usePatientSearch';

const LIST_ID = 'merge-results';

/** Step 1 of a merge: find the other record (the same search as the desk's, without this patient). */
export function MergePick({ exceptId, onPick }: { exceptId: string; onPick(id: string): void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const search = usePatientSearch(query);
  const results = search.results.filter((p) => p.id !== exceptId && p.status !== 'merged');
  const [active, setActive] = useState(0);
  useEffect(() => setActive(0), [search.query]);
  const current = results[active];

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && results.length > 0) {
      e.preventDefault();
      setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : results.length - 1)) % results.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (current) onPick(current.id);
    }
  };

  return (
    <div className="merge-pick">
      <div className="field">
        <label htmlFor="merge-search">{t('patient:merge.searchLabel')}</label>
        <input
          id="merge-search"
          type="search"
          role="combobox"
          aria-expanded={results.length > 0}
          aria-controls={LIST_ID}
          aria-autocomplete="list"
          aria-activedescendant={current ? optionId(LIST_ID, current.id) : undefined}
          autoComplete="off"
          spellCheck={false}
          autoFocus
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onKeyDown}
        />
      </div>
      {results.length > 0 ? (
        <SearchResults id={LIST_ID} label={t('patient:merge.results')} results={results} active={active} onPick={(p) => onPick(p.id)} />
      ) : search.status === 'done' && search.query !== '' ? (
        <p className="lead">{t('patient:merge.nothing')}</p>
      ) : null}
    </div>
  );
}
