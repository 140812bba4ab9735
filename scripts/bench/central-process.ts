import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * The reference central server in a process of its own, as in production (its own machine,
 * reached over the network): the desk's engine and the server then do not share one Node
 * thread, which would make the bench measure their sum instead of the drain.
 */
export interface CentralProcess {
  url: string;
  close(): Promise<void>;
}

export async function spawnCentral(tokens: Record<string, string>, pgUrl?: string): Promise<CentralProcess> {
  const child = fork(fileURLToPath(new URL('./central-child.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BENCH_CENTRAL_TOKENS: JSON.stringify(tokens), ...(pgUrl ? { BENCH_CENTRAL_PG: pgUrl } : {}) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m) => resolve(Number((m as { port: number }).port)));
    child.once('exit', (code) => reject(new Error(`central server exited (${code})`)));
  });
  return {
    url: `http://127.0.0.1:${port}/fhir`,
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.send('stop');
      }),
  };
}
