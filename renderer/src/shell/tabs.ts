import type { Role } from '../session/types';

export type TabId = 'desk' | 'audit' | 'tasks' | 'staff' | 'settings' | 'sync';

/**
 * What each role works with. Admins manage accounts and settings and do not see patients;
 * managers (the data-protection officer) also read the audit log and work their data-protection
 * tasks (e.g. after a consent withdrawal). The core enforces the same
 * rules on every call; this only decides what is shown. Sync comes last so the Alt+digit
 * shortcuts of the other tabs stay where staff learned them.
 */
export function tabsFor(role: Role): TabId[] {
  switch (role) {
    case 'receptionist':
      return ['desk', 'sync'];
    case 'manager':
      return ['desk', 'audit', 'tasks', 'sync'];
    case 'admin':
      return ['staff', 'settings', 'sync'];
  }
}
