import { makeIin } from '../../identity/iin.js';
import type { PatientInput } from '../../patients/schema.js';
import type { Db } from '../../store/database.js';
import type { BuilderRegistry } from '../builders.js';
import type { OutboxResourceType } from '../outbox.js';
import { contentHash } from '../wire.js';

/**
 * Synthetic patients for volume tests: valid IINs (made up, checksum right), distinct per
 * index, with every field the desk stores.
 */
export function syntheticPatient(i: number): PatientInput {
  const day = new Date(Date.UTC(1960, 0, 1) + (i % 15_000) * 86_400_000).toISOString().slice(0, 10);
  const sex = i % 2 === 0 ? 'female' : 'male';
  const iin = makeIin(day, sex, Math.floor(i / 15_000) * 7 + 1) ?? makeIin(day, sex, Math.floor(i / 15_000) * 7 + 2);
  return {
    iin,
    surname: i % 2 === 0 ? 'Нұрланова' : 'Ахметов',
    givenName: i % 3 === 0 ? 'Әйгерім' : 'Ерлан',
    patronymic: i % 5 === 0 ? null : 'Серікұлы',
    birthDate: day,
    sex,
    document: { type: 'id-card', number: String(100_000_000 + i), issuedOn: '2019-06-01', issuer: 'МВД РК', expiresOn: '2029-05-31' },
    phone: `+7701${String(1_000_000 + i).slice(-7)}`,
    email: i % 4 === 0 ? `p${i}@example.kz` : null,
    address: `г. Алматы, ул. Абая, ${i}`,
    representative: null,
    preferredLanguage: i % 2 === 0 ? 'kk' : 'ru',
  };
}

/** Hash of every local resource of the given types as the desk would upload it now (id → hash). */
export function localHashes(db: Db, builders: BuilderRegistry, type: OutboxResourceType, ids: readonly string[], branchCode: string, patients: Parameters<NonNullable<BuilderRegistry['Patient']>['build']>[0]['patients']): Map<string, string> {
  const out = new Map<string, string>();
  const b = builders[type];
  if (!b) return out;
  for (const id of ids) {
    const built = b.build({ db, branchCode, patients }, id);
    if (built) out.set(id, contentHash(built.resource as unknown as Record<string, unknown>));
  }
  return out;
}
