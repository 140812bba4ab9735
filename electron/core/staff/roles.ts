/**
 * The role matrix. Every core handler names one permission; the core checks it on every
 * call, whatever the UI shows. README's "Roles" table is generated from this object and a
 * test compares the two.
 *
 * - receptionist: the desk — finds and registers patients, takes consent, prints forms.
 * - manager: the data-protection officer — everything a receptionist does, plus the audit
 *   log, merges, consent texts and data-protection tasks.
 * - admin: IT — staff accounts, settings, backups, sync configuration. Admins do not see
 *   patients: access to personal data is limited to those who need it for their duties
 *   (policy section 3).
 */
export const ROLES = ['receptionist', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  /** Being logged in at all: status, lock, logout, own password, own language. */
  'session.use': ['receptionist', 'manager', 'admin'],
  'patient.read': ['receptionist', 'manager'],
  'patient.write': ['receptionist', 'manager'],
  'patient.merge': ['manager'],
  'consent.capture': ['receptionist', 'manager'],
  'consent.publish': ['manager'],
  'request.handle': ['receptionist', 'manager'],
  'dpo.tasks': ['manager'],
  'audit.read': ['manager'],
  'audit.verify': ['manager', 'admin'],
  'staff.manage': ['admin'],
  'settings.manage': ['admin'],
  'backup.run': ['admin'],
  'sync.configure': ['admin'],
  'sync.view': ['receptionist', 'manager', 'admin'],
  'sync.resolve': ['receptionist', 'manager'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
