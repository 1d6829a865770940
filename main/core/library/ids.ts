// Sortable unique ids (ULID layout): 10 Crockford base32 characters of millisecond time, then 16
// of randomness. Ids sort like their creation time, which gives keyset pagination a stable
// tiebreak and keeps file names in creation order. Within one millisecond the random part is
// incremented instead of redrawn, so ids made in a burst keep their order. The time part is always
// the time given (a seeder back-dating rows gets back-dated ids); uniqueness rests on the 80 random
// bits, not on the clock.
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TIME_LENGTH = 10;
const RANDOM_LENGTH = 16;

let lastTime = -1;
let lastRandom: number[] = [];

// One crypto call per 256 ids instead of one per id (it dominated bulk inserts).
let pool = Buffer.alloc(0);
let poolOffset = 0;

function randomDigits(): number[] {
  if (poolOffset + RANDOM_LENGTH > pool.length) {
    pool = randomBytes(RANDOM_LENGTH * 256);
    poolOffset = 0;
  }
  const digits = Array.from(pool.subarray(poolOffset, poolOffset + RANDOM_LENGTH), (byte) => byte & 31);
  poolOffset += RANDOM_LENGTH;
  return digits;
}

/** Adds one to a base32 digit array; false when it overflows (2^80 ids in one ms: never in practice). */
function increment(digits: number[]): boolean {
  for (let i = digits.length - 1; i >= 0; i--) {
    const digit = digits[i] ?? 0;
    if (digit < 31) {
      digits[i] = digit + 1;
      return true;
    }
    digits[i] = 0;
  }
  return false;
}

function encodeTime(time: number): string {
  let out = '';
  let rest = time;
  for (let i = 0; i < TIME_LENGTH; i++) {
    out = ALPHABET[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

/** A new id for `time` (Unix ms; pass the injected clock's now so ids follow simulated time). */
export function newId(time: number = Date.now()): string {
  const safeTime = Math.max(0, Math.floor(time));
  if (safeTime !== lastTime || !increment(lastRandom)) {
    lastTime = safeTime;
    lastRandom = randomDigits();
  }
  return encodeTime(lastTime) + lastRandom.map((digit) => ALPHABET[digit]).join('');
}

export function isId(value: string): boolean {
  return /^[0-9A-HJKMNP-TV-Z]{26}$/.test(value);
}
