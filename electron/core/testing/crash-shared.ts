import { TEST_SCRYPT } from './desk-fixture.js';

/** What the crash suite (maintenance/crash.test.ts) and its child (crash-child.ts) share. */
export const CRASH_LOGIN = { login: 'crash-reception', password: 'crash-password-1' } as const;

/** The lowest key-derivation cost a keyring accepts: every kill is followed by a sign-in. */
export const CRASH_SCRYPT = TEST_SCRYPT;
