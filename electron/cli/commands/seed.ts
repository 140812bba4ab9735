import { randomInt } from 'node:crypto';
import { optionalString, requireString, UsageError } from '../args.js';
import type { CliCommand } from '../command.js';
import { withDesk } from '../desk.js';
import { signInCli } from '../identity.js';
import { rng, syntheticPatient } from '../../core/patients/seed.js';

/**
 * `seed --patients N`: synthetic patients for demos and benchmarks (see patients/seed.ts:
 * invented combinations, never real people's data). Each goes through the same writer as a
 * registration at the desk, so it is audited and queued for sync like any other. Refuses a
 * store that already holds patients unless --force: synthetic records must not be mixed into
 * a branch's real register by accident.
 */
export const seedCommand: CliCommand = {
  summary: 'add N synthetic patients (demo/benchmark data; a receptionist or manager password on stdin)',
  usage: 'seed --data DIR --patients N [--login LOGIN] [--seed S] [--force]',
  options: { login: { type: 'string' }, patients: { type: 'string' }, seed: { type: 'string' }, force: { type: 'boolean' } },
  async run(values, io) {
    const n = Number(requireString(values, 'patients'));
    if (!Number.isInteger(n) || n < 1 || n > 5_000_000) throw new UsageError('--patients must be a whole number from 1 to 5000000');
    const seed = Number(optionalString(values, 'seed') ?? randomInt(1, 2 ** 31));
    const password = await io.secrets.read('Password: ');
    return withDesk(values, async (desk) => {
      const ctx = await signInCli(desk, password, { login: optionalString(values, 'login'), permission: 'patient.write' });
      const store = desk.store();
      if (store.patients.count() > 0 && values['force'] !== true) throw new UsageError('the store already holds patients; add --force to seed it anyway');
      const r = rng(seed);
      const actor = () => ({ staffId: ctx.session.staff?.id ?? null, at: desk.nowIso() });
      let created = 0;
      let skipped = 0;
      const batch = 1000;
      for (let i = 0; i < n; i += batch) {
        store.db.transaction(() => {
          for (let j = i; j < Math.min(n, i + batch); j++) {
            const p = syntheticPatient(r, j);
            // Two random dates can meet on the same IIN; a real desk would refuse the second too.
            if (p.iin && store.patients.byIin(p.iin)) {
              skipped++;
              continue;
            }
            store.patients.create(p, actor());
            created++;
          }
        })();
        io.note(`seed: ${Math.min(n, i + batch)} / ${n}`);
      }
      return { json: { created, skipped, seed }, text: `created ${created} synthetic patients (${skipped} skipped as IIN repeats), seed ${seed}` };
    });
  },
};
