import { describe, expect, it } from 'vitest';
import { checkPrinter, paperFailure, printerState } from './failure.js';
import type { Printer } from './service.js';

describe('print failures', () => {
  it.each([
    ['cancelled', 'cancelled'],
    ['Print job canceled', 'cancelled'],
    ['Invalid deviceName provided', 'print.printerNotFound'],
    ['No printers available on the network', 'print.noPrinter'],
    ['Failed to enumerate printers', 'print.noPrinter'],
    ['Invalid printer settings', 'print.jobRefused'],
    ['Print job failed', 'print.jobFailed'],
    ['failed', 'print.jobFailed'],
    ['', 'print.failed'],
    [undefined, 'print.failed'],
    ['something new in Electron 99 about C:\\Users\\aigerim', 'print.failed'],
  ] as const)('maps Electron reason %j to %s', (reason, code) => {
    expect(paperFailure(reason)).toBe(code);
  });

  it('reads a printer state from CUPS and Windows options, unknown otherwise', () => {
    expect(printerState({ 'printer-state': '3' })).toBe('ready');
    expect(printerState({ 'printer-state': '5' })).toBe('offline');
    expect(printerState({ 'printer-state': '3', 'printer-is-accepting-jobs': 'false' })).toBe('offline');
    expect(printerState({ status: '128' })).toBe('offline');
    expect(printerState({ status: '0' })).toBe('ready');
    expect(printerState({})).toBe('unknown');
    expect(printerState(undefined)).toBe('unknown');
  });

  it('refuses a job before it goes out when the printer is missing or offline', () => {
    const printers: Printer[] = [
      { name: 'desk', displayName: 'Desk', state: 'ready' },
      { name: 'office', displayName: 'Office', state: 'offline' },
    ];
    expect(checkPrinter([], null)).toBe('print.noPrinter');
    expect(checkPrinter(printers, null)).toBeNull();
    expect(checkPrinter(printers, 'desk')).toBeNull();
    expect(checkPrinter(printers, 'office')).toBe('print.printerOffline');
    expect(checkPrinter(printers, 'gone')).toBe('print.printerNotFound');
  });
});
