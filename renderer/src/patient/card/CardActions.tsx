import { useTranslation } from 'react-i18next';
import { useDeskKeys } from '../../desk/useDeskKeys';

export interface CardAction {
  id: 'visit' | 'consent' | 'print' | 'edit' | 'request' | 'merge' | 'back';
  /** As shown in the tooltip and aria-keyshortcuts, e.g. "Alt+E". */
  shortcut: string;
  /** As matched by useDeskKeys, e.g. "Alt+KeyE". */
  key: string;
  run?: () => void;
  primary?: boolean;
  /** Not available yet: shown, focusable, and saying why in its tooltip. */
  unavailable?: boolean;
}

/**
 * The card's actions, each with its shortcut in the tooltip. An action that does not exist yet
 * stays in its place, marked unavailable (aria-disabled keeps it focusable, so the reason
 * can be read), instead of appearing one day and moving the others.
 */
export function CardActions({ actions, active }: { actions: readonly CardAction[]; active: boolean }) {
  const { t } = useTranslation();
  useDeskKeys(active, Object.fromEntries(actions.filter((a) => !a.unavailable && a.run).map((a) => [a.key, a.run])));
  return (
    <div className="card-actions" role="group" aria-label={t('patient:card.actions')}>
      {actions.map((a) => {
        const label = t(`patient:action.${a.id}`);
        const title = a.unavailable ? t('patient:action.notYet') : t('patient:action.withShortcut', { action: label, shortcut: a.shortcut });
        return (
          <button
            key={a.id}
            type="button"
            className={a.primary ? 'primary' : undefined}
            title={title}
            aria-keyshortcuts={a.unavailable ? undefined : a.shortcut.replace('Esc', 'Escape')}
            aria-disabled={a.unavailable ? true : undefined}
            aria-describedby={a.unavailable ? `card-action-${a.id}-why` : undefined}
            onClick={a.unavailable ? undefined : a.run}
          >
            {label}
            {a.unavailable ? (
              <span id={`card-action-${a.id}-why`} className="visually-hidden">
                {t('patient:action.notYet')}
              </span>
            ) : null}
          </button>
        );
      })}
    </div>
  );
}
