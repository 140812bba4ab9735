/** No 0/O, 1/l/I: a temporary password is read aloud or copied from paper. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
// The largest multiple of the alphabet size below 256: bytes above it are skipped, so every
// character is equally likely.
const LIMIT = 256 - (256 % ALPHABET.length);

/** A temporary password for an admin to hand over: 12 random characters in groups of four. */
export function generatePassword(): string {
  const chars: string[] = [];
  while (chars.length < 12) {
    for (const b of crypto.getRandomValues(new Uint8Array(16))) {
      if (b < LIMIT && chars.length < 12) chars.push(ALPHABET.charAt(b % ALPHABET.length));
    }
  }
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8)].map((g) => g.join('')).join('-');
}
