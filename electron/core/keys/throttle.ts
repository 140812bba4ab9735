import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';

/**
 * Slows down password guessing at one desk: after 5 failures for a login, each further
 * attempt must wait, doubling from 2 s up to 5 minutes. A success clears it. Kept per
 * DeskCore instance (in memory), since an attacker with the files can bypass it anyway;
 * the scrypt cost is what protects the keyring file itself.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; until: number }>();

  constructor(private readonly clock: Clock) {}

  private key(login: string): string {
    return login.normalize('NFC').toLowerCase();
  }

  check(login: string): void {
    const f = this.failures.get(this.key(login));
    const now = this.clock.now().getTime();
    if (f && f.until > now) {
      throw new AppError('auth.tooManyAttempts', { details: { retryAfterSeconds: Math.ceil((f.until - now) / 1000) } });
    }
  }

  fail(login: string): void {
    const k = this.key(login);
    const count = (this.failures.get(k)?.count ?? 0) + 1;
    const delay = count < 5 ? 0 : Math.min(2000 * 2 ** (count - 5), 5 * 60_000);
    this.failures.set(k, { count, until: this.clock.now().getTime() + delay });
  }

  succeed(login: string): void {
    this.failures.delete(this.key(login));
  }
}
