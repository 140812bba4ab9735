import type { AddressInfo } from 'node:net';
import { buildCentralServer } from '../../central/server.js';
import { isolatedSchemaUrl } from './pg.js';

/** The child side of central-process.ts: a central server on 127.0.0.1, port sent to the parent. */
const tokens = JSON.parse(process.env.BENCH_CENTRAL_TOKENS ?? '{}') as Record<string, string>;
const pgUrl = process.env.BENCH_CENTRAL_PG;
const schema = pgUrl ? await isolatedSchemaUrl(pgUrl) : null;
const server = await buildCentralServer({ branches: tokens, ...(schema ? { databaseUrl: schema.url } : {}) });
await server.app.listen({ host: '127.0.0.1', port: 0 });
process.on('message', (m) => {
  if (m !== 'stop') return;
  void (async () => {
    await server.close();
    await schema?.drop();
    process.exit(0);
  })();
});
process.send?.({ port: (server.app.server.address() as AddressInfo).port });
