import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TabId } from './tabs';

/** The screens of the desk as ARIA tabs: arrow keys move between them, Alt+1..n jump. */
export function NavTabs({ tabs, active, onSelect }: { tabs: TabId[]; active: TabId; onSelect(tab: TabId): void }) {
  const { t } = useTranslation();
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const at = tabs.indexOf(active);
    const next = tabs[(at + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
    if (!next) return;
    e.preventDefault();
    onSelect(next);
    document.getElementById(`tab-${next}`)?.focus();
  };
  return (
    <nav className="nav-tabs" aria-label={t('common:shell.navigation')}>
      <div role="tablist" aria-label={t('common:shell.navigation')} onKeyDown={onKeyDown}>
        {tabs.map((tab, i) => (
          <button
            key={tab}
            id={`tab-${tab}`}
            type="button"
            role="tab"
            aria-selected={tab === active}
            aria-controls={`panel-${tab}`}
            tabIndex={tab === active ? 0 : -1}
            aria-keyshortcuts={`Alt+${i + 1}`}
            title={t('common:shell.tabShortcut', { shortcut: `Alt+${i + 1}` })}
            onClick={() => onSelect(tab)}
          >
            {t(`common:tab.${tab}`)}
          </button>
        ))}
      </div>
    </nav>
  );
}
