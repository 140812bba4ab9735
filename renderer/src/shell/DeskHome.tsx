import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The receptionist's main screen. For now only the big search field, focused whenever the
 * desk is shown; search itself (results as she types, Enter opens, New patient) comes later.
 */
export function DeskHome({ active }: { active: boolean }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (active) input.current?.focus();
  }, [active]);
  return (
    <section className="desk-home">
      <div className="field field-large">
        <label htmlFor="desk-search">{t('common:desk.searchLabel')}</label>
        <input ref={input} id="desk-search" type="search" autoComplete="off" spellCheck={false} aria-describedby="desk-search-hint" />
        <p id="desk-search-hint" className="field-hint">
          {t('common:desk.searchHint')}
        </p>
      </div>
    </section>
  );
}
