import { describe, expect, it } from 'vitest';
import { makeIin } from '../../../electron/core/identity/iin';
import type { IdDocument } from '../../../electron/core/identity/mrz';
import { isScannerBurst, MIN_SCAN_CHARS, stepBurst, type Burst } from './scanBurst';
import { prefillFromDocument } from './scanPrefill';
import { searchable } from './usePatientSearch';

/** Feeds keys at a fixed pace; returns the final burst and which keys would have been swallowed. */
function feed(keys: string[], gapMs: number | ((i: number) => number)): { burst: Burst | null; swallowed: string[] } {
  let burst: Burst | null = null;
  const swallowed: string[] = [];
  let at = 1000;
  keys.forEach((key, i) => {
    at += typeof gapMs === 'number' ? gapMs : gapMs(i);
    const step = stepBurst(burst, { key, at, modifier: false, repeat: false });
    burst = step.burst;
    if (step.swallow) swallowed.push(`${i}:${key}`);
  });
  return { burst, swallowed };
}

const line = (s: string) => [...s];
const TD1 = ['IDKAZ0456789120900101300811<<<', '9001011M3001015KAZ<<<<<<<<<<<6', 'NURLANOV<<ARMAN<<<<<<<<<<<<<<<'];
const scanKeys = () => TD1.flatMap((l) => [...line(l), 'Enter']);

describe('scanner bursts', () => {
  it('takes a scanner-fast MRZ with Enter between the lines, swallowing only those Enters', () => {
    const { burst, swallowed } = feed(scanKeys(), 8);
    expect(isScannerBurst(burst)).toBe(true);
    expect(burst?.text.split('\n').filter(Boolean).map((l) => l.length)).toEqual([30, 30, 30]);
    expect(swallowed).toEqual(['30:Enter', '61:Enter', '92:Enter']);
  });

  it('a key delayed now and then (a busy computer) does not break a scan', () => {
    const { burst } = feed(scanKeys(), (i) => (i % 20 === 0 ? 180 : 6));
    expect(isScannerBurst(burst)).toBe(true);
  });

  it('never treats even very fast human typing as a scan, and never swallows its Enter', () => {
    const { burst, swallowed } = feed([...line('900101300811'.repeat(3)), 'Enter'], (i) => (i % 2 ? 60 : 90));
    expect(burst?.text.length).toBe(37);
    expect(isScannerBurst(burst)).toBe(false);
    expect(swallowed).toEqual([]);
  });

  it('a barcode scanner typing an IIN and Enter is not a scan, and keeps its Enter', () => {
    const { burst, swallowed } = feed([...line('900101300811'), 'Enter'], 5);
    expect(isScannerBurst(burst)).toBe(false);
    expect(swallowed).toEqual([]);
    expect(isScannerBurst(feed(line('A'.repeat(MIN_SCAN_CHARS - 1)), 5).burst)).toBe(false);
  });

  it('Shift between keys does not break a burst; other keys, shortcuts and held keys do', () => {
    const key = (k: string, at: number, more: { modifier?: boolean; repeat?: boolean } = {}) => ({ key: k, at, modifier: false, repeat: false, ...more });
    let b = stepBurst(null, key('I', 0)).burst;
    b = stepBurst(b, key('Shift', 5)).burst;
    b = stepBurst(b, key('D', 10)).burst;
    expect(b?.text).toBe('ID');
    expect(stepBurst(b, key('Backspace', 15)).burst).toBeNull();
    expect(stepBurst(b, key('a', 15, { modifier: true })).burst).toBeNull();
    expect(stepBurst(b, key('D', 15, { repeat: true })).burst).toBeNull();
    expect(stepBurst(b, key('ж', 15)).burst).toBeNull();
  });

  it('an Enter on its own does not start a burst', () => {
    expect(stepBurst(null, { key: 'Enter', at: 0, modifier: false, repeat: false })).toEqual({ burst: null, swallow: false });
  });
});

describe('a scanned document as form values', () => {
  const doc: IdDocument = {
    format: 'TD1',
    documentType: 'id-card',
    documentNumber: '048812345',
    issuingState: 'KAZ',
    nationality: 'KAZ',
    surname: 'ABU-BAKIROV',
    givenNames: 'NURBOL',
    birthDate: '1988-04-12',
    sex: 'male',
    expiryDate: '2033-01-01',
    iin: makeIin('1988-04-12', 'male', 500),
  };

  it('fills the fields the MRZ has, names title-cased, warnings kept for the notice', () => {
    expect(prefillFromDocument(doc, ['mrz.expired'])).toEqual({
      surname: 'Abu-Bakirov',
      givenName: 'Nurbol',
      iin: doc.iin,
      birthDate: '1988-04-12',
      sex: 'male',
      document: { type: 'id-card', number: '048812345', expiresOn: '2033-01-01' },
      scan: { warnings: ['mrz.expired'] },
    });
  });

  it('leaves out what the MRZ does not say', () => {
    const p = prefillFromDocument({ ...doc, iin: null, sex: null, format: 'TD3', documentType: 'passport' }, []);
    expect(p.iin).toBeUndefined();
    expect(p.sex).toBeUndefined();
    expect(p.document?.type).toBe('passport');
  });
});

describe('what the search may send to the core', () => {
  it('names, IINs and phones', () => {
    for (const q of ['Нұрланов', 'nurlanov arman', '900101', '+7 701 234 56 78', 'Ким В']) expect(searchable(q)).toBe(true);
  });

  it('never a scanner burst caught in the field: no MRZ text goes to the core', () => {
    for (const q of ['', '   ', 'IDKAZ0456789120', '9001011M3001015KAZ', 'NURLANOV<<ARMAN', TD1.join('')]) expect(searchable(q)).toBe(false);
  });
});
