import { describe, expect, it } from 'vitest';
import { CONSENT_STATES, transition } from './state.js';

describe('consent state machine', () => {
  it('activates only through a signature', () => {
    expect(transition('pending-signature', { kind: 'activate' })).toEqual({ ok: false, code: 'consent.signatureRequired' });
    expect(transition('pending-signature', { kind: 'sign', signature: 'paper' })).toEqual({ ok: true, next: 'active' });
    expect(transition('pending-signature', { kind: 'sign', signature: 'drawn' })).toEqual({ ok: true, next: 'active' });
  });

  it('never re-activates a withdrawn or refused consent', () => {
    for (const from of ['withdrawn', 'refused'] as const) {
      expect(transition(from, { kind: 'sign', signature: 'paper' }).ok).toBe(false);
      expect(transition(from, { kind: 'withdraw' }).ok).toBe(false);
      expect(transition(from, { kind: 'refuse' }).ok).toBe(false);
    }
  });

  it('withdraws only an active consent and refuses only a pending one', () => {
    const allowed = CONSENT_STATES.flatMap((s) => (['withdraw', 'refuse'] as const).filter((k) => transition(s, { kind: k }).ok).map((k) => `${s}:${k}`));
    expect(allowed.sort()).toEqual(['active:withdraw', 'pending-signature:refuse']);
  });
});
