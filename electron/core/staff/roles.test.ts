import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { handlers } from '../api/index.js';
import { can, PERMISSIONS, ROLES, type Permission } from './roles.js';
import { roleMatrixMarkdown } from './role-matrix.js';

describe('role matrix', () => {
  it('keeps admins (IT) away from patient data and gives managers the audit log', () => {
    expect(can('admin', 'patient.read')).toBe(false);
    expect(can('admin', 'staff.manage')).toBe(true);
    expect(can('receptionist', 'audit.read')).toBe(false);
    expect(can('manager', 'audit.read')).toBe(true);
    expect(can('receptionist', 'patient.merge')).toBe(false);
    expect(can('manager', 'patient.merge')).toBe(true);
  });

  it('every handler names a known permission, public access or signed-in access', () => {
    for (const [name, h] of Object.entries(handlers)) {
      const ok = h.access === 'public' || h.access === 'signedIn' || Object.hasOwn(PERMISSIONS, h.access);
      expect(ok, name).toBe(true);
    }
  });

  it('only setup, login, language and status are reachable without signing in', () => {
    const open = Object.entries(handlers).filter(([, h]) => h.access === 'public').map(([n]) => n).sort();
    expect(open).toEqual(['app.info', 'app.setLanguage', 'auth.login', 'auth.status', 'setup.run']);
  });

  it('README shows the same matrix as the code', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toContain(roleMatrixMarkdown());
    for (const p of Object.keys(PERMISSIONS) as Permission[]) for (const r of ROLES) expect(typeof can(r, p)).toBe('boolean');
  });
});
