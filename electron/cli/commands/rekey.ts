import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { rekeyStore } from '../../core/maintenance/rekey.js';
import { CIPHERS } from '../../core/store/database.js';
import { flag, optionalString } from '../args.js';
import type { CliCommand } from '../command.js';
import { withDesk } from '../desk.js';
import { authorize, signInCli } from '../identity.js';

const cipherSchema = z.enum(CIPHERS).optional();

export const rekeyCommand: CliCommand = {
  summary: 're-encrypts the store with another cipher and/or a new data key (admin password on stdin; close the app first)',
  usage: `rekey --data DIR [--cipher ${CIPHERS.join('|')}] [--new-key] [--login LOGIN]`,
  options: { cipher: { type: 'string' }, 'new-key': { type: 'boolean' }, login: { type: 'string' } },
  async run(values, io) {
    const cipher = cipherSchema.safeParse(optionalString(values, 'cipher'));
    if (!cipher.success) throw new AppError('validation', { issues: [{ path: 'cipher', code: 'validation.invalid_value' }] });
    const password = await io.secrets.read('Password: ');
    return withDesk(values, async (desk) => {
      const ctx = await signInCli(desk, password, { login: optionalString(values, 'login'), permission: 'backup.run' });
      const staff = authorize(ctx.session, 'backup.run');
      const r = rekeyStore(desk, { ...(cipher.data ? { cipher: cipher.data } : {}), newKey: flag(values, 'new-key'), staffId: staff.id });
      return {
        json: { ...r },
        text: `store re-encrypted: ${r.previousCipher} → ${r.cipher}${r.newKey ? ', new data key' : ''}`,
      };
    });
  },
};
