import { useState } from 'react';
import { AuditScreen } from '../audit/AuditScreen';
import { DpoTasksScreen } from '../consent/DpoTasksScreen';
import { SettingsScreen } from '../admin/SettingsScreen';
import { StaffScreen } from '../admin/StaffScreen';
import { useSession } from '../session/SessionProvider';
import { SyncScreen } from '../sync/SyncScreen';
import { SyncStatusProvider } from '../sync/SyncStatusProvider';
import type { SignedInView } from '../session/types';
import { DeskHome } from './DeskHome';
import { NavTabs } from './NavTabs';
import { StatusBar } from './StatusBar';
import { tabsFor, type TabId } from './tabs';
import { useShortcuts } from './useShortcuts';

function TabContent({ tab, active }: { tab: TabId; active: boolean }) {
  switch (tab) {
    case 'desk':
      return <DeskHome active={active} />;
    case 'audit':
      return <AuditScreen />;
    case 'tasks':
      return <DpoTasksScreen />;
    case 'staff':
      return <StaffScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'sync':
      return <SyncScreen />;
  }
}

/**
 * The signed-in desk: status bar, tabs, and the tab panels. A panel stays mounted once
 * opened (hidden when another tab is shown), so switching tabs never discards typed input.
 * While locked the whole shell is inert under the lock screen, still mounted.
 */
export function DeskShell({ view }: { view: SignedInView }) {
  const session = useSession();
  const tabs = tabsFor(view.staff.role);
  const first = tabs[0] ?? 'desk';
  const [chosen, setChosen] = useState<TabId>(first);
  const [visited, setVisited] = useState<ReadonlySet<TabId>>(() => new Set([first]));
  const active = tabs.includes(chosen) ? chosen : first;

  const select = (tab: TabId) => {
    setChosen(tab);
    setVisited((v) => (v.has(tab) ? v : new Set([...v, tab])));
  };

  useShortcuts({
    enabled: !view.locked,
    onLock: () => void session.lock(),
    onTab: (i) => {
      const tab = tabs[i];
      if (tab) select(tab);
    },
  });

  // The sync status is polled once here, for the status bar and the sync screen alike.
  return (
    <SyncStatusProvider enabled={!view.locked}>
      <div className="shell" inert={view.locked}>
        <StatusBar view={view} onOpenSync={() => select('sync')} />
        <NavTabs tabs={tabs} active={active} onSelect={select} />
        <main className="shell-main">
          {tabs
            .filter((tab) => visited.has(tab) || tab === active)
            .map((tab) => (
              <div key={tab} id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`} hidden={tab !== active} className="tab-panel">
                <TabContent tab={tab} active={tab === active && !view.locked} />
              </div>
            ))}
        </main>
      </div>
    </SyncStatusProvider>
  );
}
