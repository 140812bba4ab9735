import type { Db } from '../store/database.js';
import type { Role } from './roles.js';

export interface StaffRecord {
  id: string;
  login: string;
  fullName: string;
  role: Role;
  active: boolean;
  mustChangePassword: boolean;
  createdAt: string;
  updatedAt: string;
}

interface StaffRow {
  id: string;
  login: string;
  full_name: string;
  role: Role;
  active: number;
  must_change_password: number;
  created_at: string;
  updated_at: string;
}

function fromRow(r: StaffRow): StaffRecord {
  return {
    id: r.id,
    login: r.login,
    fullName: r.full_name,
    role: r.role,
    active: r.active === 1,
    mustChangePassword: r.must_change_password === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Reads staff accounts. Kept apart from writes so callers that only look never get a writer. */
export class StaffReader {
  constructor(protected readonly db: Db) {}

  byLogin(login: string): StaffRecord | undefined {
    const r = this.db.prepare('SELECT * FROM staff WHERE login = ?').get(login) as StaffRow | undefined;
    return r && fromRow(r);
  }

  byId(id: string): StaffRecord | undefined {
    const r = this.db.prepare('SELECT * FROM staff WHERE id = ?').get(id) as StaffRow | undefined;
    return r && fromRow(r);
  }

  list(): StaffRecord[] {
    return (this.db.prepare('SELECT * FROM staff ORDER BY full_name COLLATE NOCASE').all() as StaffRow[]).map(fromRow);
  }

  activeAdmins(): number {
    return (this.db.prepare("SELECT count(*) AS n FROM staff WHERE role = 'admin' AND active = 1").get() as { n: number }).n;
  }
}

export class StaffWriter extends StaffReader {
  insert(s: StaffRecord): void {
    this.db
      .prepare(
        `INSERT INTO staff (id, login, full_name, role, active, must_change_password, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(s.id, s.login, s.fullName, s.role, s.active ? 1 : 0, s.mustChangePassword ? 1 : 0, s.createdAt, s.updatedAt);
  }

  update(id: string, patch: { fullName?: string; role?: Role; active?: boolean; mustChangePassword?: boolean }, at: string): void {
    const cur = this.byId(id);
    if (!cur) return;
    this.db
      .prepare('UPDATE staff SET full_name = ?, role = ?, active = ?, must_change_password = ?, updated_at = ? WHERE id = ?')
      .run(
        patch.fullName ?? cur.fullName,
        patch.role ?? cur.role,
        (patch.active ?? cur.active) ? 1 : 0,
        (patch.mustChangePassword ?? cur.mustChangePassword) ? 1 : 0,
        at,
        id,
      );
  }
}
