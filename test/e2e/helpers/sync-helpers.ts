import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { createAdmin, type CentralAdmin } from '../../../central/admin';
import { openPglite } from '../../../central/db';
import { buildCentralServer, type CentralServer } from '../../../central/server';
import { systemClock } from '../../../electron/core/clock';
import type { MethodInput, MethodName, MethodOutput, Result } from '../../../electron/core/api/types';
import { makeIin } from '../../../electron/core/identity/iin';
import type { PatientFormValues } from '../../../electron/core/patients/schema';

/** The branch the UI setup creates (test/e2e/helpers.ts) and its token at the central server (≥ 24 characters). */
export const BRANCH = 'ALA-01';
export const BRANCH_TOKEN = 'e2e-ALA-01-branch-token-7f3c9a1d5b';

/**
 * The reference central server inside the test process, on in-memory PGlite. The database is
 * opened here and outlives the HTTP server: `stop()` takes the server off the network (the
 * branch sees its link die), `start()` brings it back on the same port with the same data.
 */
export interface CentralUnderTest {
  readonly baseUrl: string;
  /** Reads and edits the central data directly; works while the server is stopped. */
  readonly admin: CentralAdmin;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startCentral(): Promise<CentralUnderTest> {
  const sql = await openPglite();
  let server: CentralServer | null = null;
  let port = 0;
  const start = async () => {
    if (server) return;
    const next = await buildCentralServer({ branches: { [BRANCH]: BRANCH_TOKEN }, sql });
    await next.app.listen({ port, host: '127.0.0.1' });
    port = (next.app.server.address() as AddressInfo).port;
    server = next;
  };
  const stop = async () => {
    // The server was given the database, so closing it leaves the database open.
    await server?.close();
    server = null;
  };
  await start();
  return {
    get baseUrl() {
      return `http://127.0.0.1:${port}/fhir`;
    },
    admin: createAdmin(sql, systemClock),
    start,
    stop,
    async close() {
      await stop();
      await sql.close();
    },
  };
}

/**
 * A second connection to the harness from Node, in the page's own protocol (`{id, method,
 * payload}` → `{id, result}`): its own session, like another desk window. The tests use it to
 * register patients and consents while the page shows the status bar.
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
  const ws = new WebSocket(`ws://127.0.0.1:${url.port}/api?token=${token}`, { headers: { Origin: `http://127.0.0.1:${url.port}` } });
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
      if (!r.ok) throw new Error(`${method} refused: ${r.error.code}${r.error.issues ? ` ${JSON.stringify(r.error.issues)}` : ''}`);
      return r.value;
    },
    close: () => ws.close(),
  };
}

/** A synthetic adult: the IIN is valid by checksum and made up from the birth date and a serial. */
export function syntheticPatient(serial: number, surname: string): PatientFormValues {
  const iin = makeIin('1990-07-21', 'female', serial) ?? makeIin('1990-07-21', 'female', serial + 1);
  if (!iin) throw new Error('no IIN for this serial');
  return {
    surname,
    givenName: 'Әсел',
    patronymic: 'Қайратқызы',
    iin,
    birthDate: '1990-07-21',
    sex: 'female',
    document: { type: 'id-card', number: `0${String(serial).padStart(8, '4')}`, issuedOn: '2020-02-10', issuer: 'МВД РК', expiresOn: '2030-02-09' },
    phone: '+7 701 555 12 34',
    email: null,
    address: 'г. Алматы, ул. Сатпаева, 30, кв. 12',
    representative: null,
    preferredLanguage: 'ru',
  };
}

/** Takes the patient's consent through the core, as the desk's dialog would: paper, every purpose, signed. */
export async function captureConsent(core: CoreClient, patientId: string): Promise<string> {
  const { purposes } = await core.ok('consent.purposes', {});
  const prepared = await core.ok('consent.prepare', {
    patientId,
    language: 'ru',
    purposes: purposes.map((p) => ({ id: p.id, chosen: true })),
    signer: { kind: 'subject' },
  });
  await core.ok('consent.sign', { consentId: prepared.consent.id, signature: { kind: 'paper' } });
  return prepared.consent.id;
}

export const RECEPTIONIST = { login: 'aigerim', fullName: 'Айгерім Нұрланқызы', password: 'receptionist pass 42' };

/**
 * A branch set up through the core (the UI path has its own test): the setup, sync pointed
 * at `baseUrl` with the branch token, and a receptionist with her own password.
 */
export async function stageBranch(openUrl: string, baseUrl: string): Promise<void> {
  const admin = await connectCore(openUrl);
  await admin.ok('setup.run', {
    language: 'ru',
    branch: { code: BRANCH, name: 'Алматы, Абая 10', address: 'г. Алматы, пр. Абая, 10' },
    operator: {
      legalNameKk: '«АйМедЛаб» ЖШС',
      legalNameRu: 'ТОО «АйМедЛаб»',
      bin: '160440012346',
      postalAddress: 'г. Алматы, ул. Толе би, 101',
      directorName: 'Утебаева А.Б.',
      directorNameRuDative: 'Утебаевой А.Б.',
    },
    admin: { login: 'admin', fullName: 'Сейтжанов Ерлан', password: 'correct horse battery' },
  });
  await admin.ok('sync.settings.set', { baseUrl, authKind: 'bearer', token: BRANCH_TOKEN });
  const temporary = `temporary ${RECEPTIONIST.password}`;
  await admin.ok('staff.create', { login: RECEPTIONIST.login, fullName: RECEPTIONIST.fullName, role: 'receptionist', temporaryPassword: temporary });
  admin.close();
  const own = await connectCore(openUrl);
  await own.ok('auth.login', { login: RECEPTIONIST.login, password: temporary });
  await own.ok('auth.changePassword', { current: temporary, next: RECEPTIONIST.password });
  own.close();
}

/** Waits until the core says nothing is queued (all sent) and the link is up. */
export async function waitSynced(core: CoreClient, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const s = await core.ok('sync.status', {});
    if (s.connectivity === 'online' && s.queued === 0 && s.activity !== 'uploading') return;
    if (Date.now() > until) throw new Error(`not synced: ${JSON.stringify(s)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
