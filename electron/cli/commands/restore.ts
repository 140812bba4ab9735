import { restoreBackup } from '../../core/maintenance/restore.js';
import { flag, requireString } from '../args.js';
import type { CliCommand } from '../command.js';

export const restoreCommand: CliCommand = {
  summary: "restores a backup folder (password of an admin in that backup on stdin); the old store is moved aside",
  usage: 'restore --data DIR --from DIR [--force]',
  options: { from: { type: 'string' }, force: { type: 'boolean' } },
  async run(values, io) {
    const dataDir = requireString(values, 'data');
    const from = requireString(values, 'from');
    const password = await io.secrets.read('Password: ');
    const r = await restoreBackup(from, dataDir, password, { force: flag(values, 'force') });
    const aside = r.replacedDir ? `; the previous store is in ${r.replacedDir}/` : '';
    return {
      json: { restored: true, ...r },
      text: `restored store ${r.storeId}: schema ${r.schemaVersion}, ${r.staffCount} staff, ${r.auditEntries} audit entries${aside}`,
    };
  },
};
