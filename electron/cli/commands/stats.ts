import { maintenanceHandlers } from '../../core/api/handlers/maintenance.js';
import { optionalString } from '../args.js';
import { callHandler } from '../call.js';
import type { CliCommand } from '../command.js';
import { withDesk } from '../desk.js';
import { signInCli } from '../identity.js';

export const statsCommand: CliCommand = {
  summary: 'row counts, file sizes, cipher, schema version and audit head (admin password on stdin)',
  usage: 'stats --data DIR [--login LOGIN]',
  options: { login: { type: 'string' } },
  async run(values, io) {
    const password = await io.secrets.read('Password: ');
    return withDesk(values, async (desk) => {
      const def = maintenanceHandlers['store.stats'];
      const ctx = await signInCli(desk, password, { login: optionalString(values, 'login'), permission: 'backup.run' });
      const s = await callHandler(ctx, def, {});
      const lines = [
        `store ${s.storeId}, schema ${s.schemaVersion}`,
        `cipher: ${s.cipher.active} (recorded ${s.cipher.recorded ?? '-'}, keyring ${s.cipher.keyring})`,
        `files: store.db ${s.files.storeBytes} bytes, wal ${s.files.walBytes} bytes`,
        ...Object.entries(s.tables).map(([t, n]) => `  ${t}: ${n}`),
        `audit: ${s.audit.entries} entries, head #${s.audit.headSeq ?? '-'} ${s.audit.headHash?.slice(0, 12) ?? ''}`,
      ];
      return { json: { ...s }, text: lines.join('\n') };
    });
  },
};
