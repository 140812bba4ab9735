import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useSession } from '../session/SessionProvider';
import type { SignedInView } from '../session/types';
import { SyncIndicator } from './SyncIndicator';

/** Always visible: where, who, sync, language, and the way to step away from the desk. */
export function StatusBar({ view, onOpenSync }: { view: SignedInView; onOpenSync(): void }) {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <header className="status-bar">
      <div className="status-branch" title={t('common:status.branch')}>
        <span className="status-label">{t('common:status.branch')}</span>
        <span className="branch-code nowrap">{view.branch.code}</span>
        <span>{view.branch.name}</span>
      </div>
      <div className="status-user">
        <span className="status-label">{t('common:status.user')}</span>
        <span>{view.staff.fullName}</span>
        <span className="role-badge">{t(`common:role.${view.staff.role}`)}</span>
      </div>
      <SyncIndicator onOpen={onOpenSync} />
      <div className="status-actions">
        <LanguageSwitch />
        <button
          type="button"
          title={t('common:shell.lockTitle', { shortcut: 'Ctrl+L' })}
          aria-keyshortcuts="Control+L"
          onClick={() => void session.lock()}
        >
          {t('common:shell.lock')}
        </button>
        <button type="button" onClick={() => void session.logout()}>
          {t('auth:logout')}
        </button>
      </div>
    </header>
  );
}
