import { AppError } from '../../core/errors.js';
import { optionalString, requireString } from '../args.js';
import { callMethod } from '../call.js';
import type { CliCommand } from '../command.js';
import { withDesk } from '../desk.js';
import { signInCli } from '../identity.js';

export const staffResetPasswordCommand: CliCommand = {
  summary: "sets a temporary password for a staff member (stdin: admin's password, then the new temporary password)",
  usage: 'staff-reset-password --data DIR --login LOGIN [--admin-login LOGIN]',
  options: { login: { type: 'string' }, 'admin-login': { type: 'string' } },
  async run(values, io) {
    const target = requireString(values, 'login');
    // Both secrets first, so a missing line fails before anything is opened.
    const adminPassword = await io.secrets.read("Admin's password: ");
    const temporaryPassword = await io.secrets.readNew('New temporary password: ', 'temporaryPassword');
    return withDesk(values, async (desk) => {
      const ctx = await signInCli(desk, adminPassword, { login: optionalString(values, 'admin-login'), permission: 'staff.manage' });
      const staff = desk.store().staff.byLogin(target);
      if (!staff) throw new AppError('staff.notFound');
      await callMethod(ctx, 'staff.resetPassword', { id: staff.id, temporaryPassword });
      return {
        json: { ok: true, staffId: staff.id, mustChangePassword: true },
        text: `temporary password set for staff ${staff.id}; it must be changed at the next sign-in`,
      };
    });
  },
};
