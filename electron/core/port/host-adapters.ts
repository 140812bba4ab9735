import type { OsSealer } from '../keys/keyring.js';
import type { PrintService } from '../print/service.js';
import type { HostClient } from './host-client.js';

const toBuffer = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

/** Printing from the core process: every page goes to the main process's print engine. */
export function printOverPort(host: HostClient, paper: boolean): PrintService {
  const service: PrintService = {
    toPdf: async (html) => toBuffer((await host.request('print.pdf', { html })).pdf),
    printers: async () => (await host.request('print.printers', {})).printers,
  };
  if (paper) service.print = async (html, job) => (await host.request('print.paper', { html, printer: job.printer, silent: job.silent })).outcome;
  return service;
}

/** The OS keychain from the core process: safeStorage lives in the main process only. */
export function sealerOverPort(host: HostClient, backend: string): OsSealer {
  return {
    backend,
    seal: async (plain) => toBuffer((await host.request('keychain.seal', { data: new Uint8Array(plain) })).data),
    open: async (sealed) => toBuffer((await host.request('keychain.open', { data: new Uint8Array(sealed) })).data),
  };
}
