import type { Role } from '../session/types';

export type TabId = 'desk' | 'audit' | 'staff' | 'settings' | 'sync';

/**
 * What each role works with. Admins manage accounts and settings and do not see patients;
 * managers (the data-protection officer) also read the audit log. The core enforces the same
 * rules on every call; this only decides what is shown. Sync comes last so the Alt+digit
 * shortcuts of the other tabs stay where staff learned them.
 */
export function tabsFor(role: Role): TabId[] {
  switch (role) {
    case 'receptionist':
      return ['desk', 'sync'];
    case 'manager':
      return ['desk', 'audit', 'sync'];
    case 'admin':
      return ['staff', 'settings', 'sync'];
  }
}
