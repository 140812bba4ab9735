import type { CliCommand } from '../command.js';
import { backupCommand } from './backup.js';
import { initCommand } from './init.js';
import { rekeyCommand } from './rekey.js';
import { restoreCommand } from './restore.js';
import { seedCommand } from './seed.js';
import { staffResetPasswordCommand } from './staff-reset-password.js';
import { statsCommand } from './stats.js';
import { verifyAuditCommand } from './verify-audit.js';

export const COMMANDS: Readonly<Record<string, CliCommand>> = {
  init: initCommand,
  'verify-audit': verifyAuditCommand,
  backup: backupCommand,
  restore: restoreCommand,
  rekey: rekeyCommand,
  stats: statsCommand,
  'staff-reset-password': staffResetPasswordCommand,
  seed: seedCommand,
};
