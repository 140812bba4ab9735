/**
 * The life of one consent record. Kept pure so the rules can be tested on their own:
 * - nothing becomes `active` without a signature (paper confirmed or drawn);
 * - `refused` and `withdrawn` are final: a patient who changes their mind signs a new
 *   consent, which is a new record with its own text, hash and signature.
 */
export const CONSENT_STATES = ['pending-signature', 'active', 'refused', 'withdrawn'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

export type ConsentEvent =
  | { kind: 'sign'; signature: 'paper' | 'drawn' }
  | { kind: 'refuse' }
  | { kind: 'withdraw' };

export type Transition = { ok: true; next: ConsentState } | { ok: false; code: 'consent.badTransition' | 'consent.signatureRequired' };

export function transition(from: ConsentState, event: ConsentEvent | { kind: 'activate' }): Transition {
  switch (event.kind) {
    case 'activate':
      // Activation without saying how it was signed is exactly what must never happen.
      return { ok: false, code: 'consent.signatureRequired' };
    case 'sign':
      return from === 'pending-signature' ? { ok: true, next: 'active' } : { ok: false, code: 'consent.badTransition' };
    case 'refuse':
      return from === 'pending-signature' ? { ok: true, next: 'refused' } : { ok: false, code: 'consent.badTransition' };
    case 'withdraw':
      return from === 'active' ? { ok: true, next: 'withdrawn' } : { ok: false, code: 'consent.badTransition' };
  }
}

/** What the patient card's badge shows (front-desk guide: green, amber, red, grey). */
export type ConsentBadge = 'active' | 'pending' | 'none' | 'withdrawn' | 'blocked';
