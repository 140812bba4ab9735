import path from 'node:path';
import { maintenanceHandlers } from '../../core/api/handlers/maintenance.js';
import { parseInput } from '../../core/api/validation.js';
import { createBackup } from '../../core/maintenance/backup.js';
import type { Progress } from '../../core/maintenance/vacuum.js';
import { optionalString, requireString } from '../args.js';
import type { CliCommand } from '../command.js';
import { withDesk } from '../desk.js';
import { authorize, signInCli } from '../identity.js';

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export const backupCommand: CliCommand = {
  summary: 'writes an encrypted backup into an empty folder (admin password on stdin)',
  usage: 'backup --data DIR --out DIR [--login LOGIN]',
  options: { out: { type: 'string' }, login: { type: 'string' } },
  async run(values, io) {
    const def = maintenanceHandlers['backup.create'];
    // The handler's own schema; the CLI only makes a relative folder absolute first.
    const { outDir } = parseInput(def.input, { outDir: path.resolve(requireString(values, 'out')) });
    const password = await io.secrets.read('Password: ');
    return withDesk(values, async (desk) => {
      const ctx = await signInCli(desk, password, { login: optionalString(values, 'login'), permission: 'backup.run' });
      const staff = authorize(ctx.session, def.access);
      let lastPercent = -1;
      const onProgress = (p: Progress) => {
        const percent = p.total > 0 ? Math.floor((p.done / p.total) * 100) : 100;
        // Every 5% is enough on a terminal; the first and the last report always print.
        if (percent === lastPercent || (lastPercent >= 0 && percent < 100 && percent - lastPercent < 5)) return;
        lastPercent = percent;
        io.note(`backup: ${percent}% (${mb(p.done)} of ${mb(p.total)})`);
      };
      const { manifest, progressMode } = await createBackup(desk, outDir, onProgress, { staffId: staff.id });
      return {
        json: { manifest, progressMode, files: ['store.db', 'keyring.json', 'manifest.json'] },
        text: `backup written: ${mb(manifest.sizeBytes)}, ${manifest.cipher}, schema ${manifest.schemaVersion}, sha256 ${manifest.sha256}`,
      };
    });
  },
};
