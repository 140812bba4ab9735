import WebSocket from 'ws';
import type { MethodInput, MethodName, MethodOutput, Result } from '../../../electron/core/api/types';
import type { PatientFormValues } from '../../../electron/core/patients/schema';

/**
 * A second connection to the harness from Node, speaking the page's own JSON protocol
 * (`{id, method, payload}` → `{id, result}`). The tests use it to set the stage (setup, staff,
 * a registered patient) and to ask the core what the UI should be showing; each connection
 * is its own session, like another desk window.
 */
export interface CoreClient {
  call<K extends MethodName>(method: K, payload: MethodInput<K>): Promise<Result<MethodOutput<K>>>;
  /** Like `call`, failing the test with the error code when the core refuses. */
  ok<K extends MethodName>(method: K, payload: MethodInput<K>): Promise<MethodOutput<K>>;
  close(): void;
}

export async function connectCore(openUrl: string): Promise<CoreClient> {
  const url = new URL(openUrl);
  const token = /token=([^&]+)/.exec(url.hash)?.[1];
  if (!token) throw new Error('the harness URL carries no token');
  const origin = `http://127.0.0.1:${url.port}`;
  const ws = new WebSocket(`ws://127.0.0.1:${url.port}/api?token=${token}`, { headers: { Origin: origin } });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const pending = new Map<number, (result: unknown) => void>();
  ws.on('message', (data: WebSocket.RawData) => {
    const msg = JSON.parse(data.toString()) as { id: number; result: unknown };
    pending.get(msg.id)?.(msg.result);
    pending.delete(msg.id);
  });
  let nextId = 1;
  const call = <K extends MethodName>(method: K, payload: MethodInput<K>) =>
    new Promise<Result<MethodOutput<K>>>((resolve) => {
      const id = nextId++;
      pending.set(id, (r) => resolve(r as Result<MethodOutput<K>>));
      ws.send(JSON.stringify({ id, method, payload }));
    });
  return {
    call,
    async ok<K extends MethodName>(method: K, payload: MethodInput<K>): Promise<MethodOutput<K>> {
      const r = await call(method, payload);
      if (!r.ok) throw new Error(`${method} refused: ${r.error.code}${r.error.details ? ` ${JSON.stringify(r.error.details)}` : ''}`);
      // Awaited<T> inside a generic async function does not simplify back to T for the compiler.
      return r.value;
    },
    close: () => ws.close(),
  };
}

export const SETUP = {
  language: 'ru',
  branch: { code: 'ALA-01', name: 'Алматы, Абая 10', address: 'г. Алматы, пр. Абая, 10' },
  operator: {
    legalNameKk: '«АйМедЛаб» ЖШС',
    legalNameRu: 'ТОО «АйМедЛаб»',
    bin: '160440012346',
    postalAddress: 'г. Алматы, ул. Толе би, 101',
    directorName: 'Утебаева А.Б.',
    directorNameRuDative: 'Утебаевой А.Б.',
  },
  admin: { login: 'admin', fullName: 'Сейтжанов Ерлан', password: 'correct horse battery' },
} as const satisfies MethodInput<'setup.run'>;

export const RECEPTIONIST = { login: 'aigerim', fullName: 'Айгерім Нұрланқызы', password: 'receptionist pass 42' };
export const MANAGER = { login: 'dana', fullName: 'Дана Серікқызы', password: 'manager pass 4242' };

/** A synthetic adult patient: the IIN is valid by checksum and made up. */
export const PATIENT: PatientFormValues = {
  surname: 'Нұрланова',
  givenName: 'Әйгерім',
  patronymic: 'Серікқызы',
  iin: '880315400010',
  birthDate: '1988-03-15',
  sex: 'female',
  document: { type: 'id-card', number: '045678912', issuedOn: '2019-06-01', issuer: 'МВД РК', expiresOn: '2029-05-31' },
  phone: '+7 701 234 56 78',
  email: null,
  address: 'г. Алматы, ул. Жандосова, 12, кв. 5',
  representative: null,
  preferredLanguage: 'ru',
};

/** A child, signed for by the mother (the adult patient above) on the basis of the birth certificate. */
export const MINOR: PatientFormValues = {
  ...PATIENT,
  iin: '150120500015',
  birthDate: '2015-01-20',
  sex: 'male',
  givenName: 'Айдар',
  patronymic: null,
  phone: '+7 701 555 12 34',
  document: { type: 'birth-certificate', number: 'I-АЛ 123456', issuedOn: null, issuer: null, expiresOn: null },
  representative: { fullName: 'Нұрланова Әйгерім Серікқызы', iin: '880315400010', basis: 'birth-certificate' },
  preferredLanguage: 'kk',
};

/**
 * First run done through the core: the branch is set up, a receptionist and a manager exist
 * with their own passwords (no forced change left), and one patient is registered by the
 * receptionist. Returns the patient's id and the receptionist's connection.
 */
export async function stageDesk(openUrl: string, patient: PatientFormValues = PATIENT): Promise<{ patientId: string; core: CoreClient }> {
  const admin = await connectCore(openUrl);
  await admin.ok('setup.run', SETUP);
  for (const [s, role] of [
    [RECEPTIONIST, 'receptionist'],
    [MANAGER, 'manager'],
  ] as const) {
    await admin.ok('staff.create', { login: s.login, fullName: s.fullName, role, temporaryPassword: `temporary ${s.password}` });
    const own = await connectCore(openUrl);
    await own.ok('auth.login', { login: s.login, password: `temporary ${s.password}` });
    await own.ok('auth.changePassword', { current: `temporary ${s.password}`, next: s.password });
    own.close();
  }
  admin.close();
  const core = await connectCore(openUrl);
  await core.ok('auth.login', { login: RECEPTIONIST.login, password: RECEPTIONIST.password });
  const created = await core.ok('patient.create', { patient });
  return { patientId: created.id, core };
}
