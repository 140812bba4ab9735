import { describe, expect, it } from 'vitest';
import { paperOutcome } from './paperOutcome';

describe('paper outcome', () => {
  it('tells sent, cancelled, print-from-viewer and each failure apart', () => {
    expect(paperOutcome({ outcome: 'printed' })).toEqual({ kind: 'sent' });
    expect(paperOutcome({ outcome: 'cancelled' })).toEqual({ kind: 'cancelled' });
    expect(paperOutcome({ error: { code: 'print.unavailable' } })).toEqual({ kind: 'viewer' });
    expect(paperOutcome({ error: { code: 'print.printerOffline' } })).toEqual({ kind: 'error', error: { code: 'print.printerOffline' } });
  });
});
