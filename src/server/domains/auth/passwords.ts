import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { invalidField } from '../../errors.js';
import { foldForSearch } from '../../../shared/vietnamese.js';

/** argon2id with OWASP's minimum (19 MiB, 2 passes); ~40 ms here. */
const ARGON2 = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash that verifies nothing, so an unknown user name costs the same time as a wrong password. */
let decoy: string | undefined;
export async function decoyHash(): Promise<string> {
  decoy ??= await hashPassword(randomBytes(16).toString('hex'));
  return decoy;
}

/** A one-time password readable over the phone: no look-alike letters. */
export function oneTimePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(14);
  let out = '';
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return `${out.slice(0, 5)}-${out.slice(5, 10)}-${out.slice(10)}7`;
}

/**
 * The most common passwords: zxcvbn's list (49,000 from leaked password sets, MIT licence, shipped by
 * @zxcvbn-ts/language-common) plus the words a Vietnamese office reaches for first.
 */
const commonPasswords = new Set([
  ...dictionary['passwords-common'],
  ...['matkhau', 'matkhaumoi', 'dangvu', 'dangvien', 'dangcongsan', 'dangbo', 'chibo', 'vietnam', 'hanoi', 'saigon', 'hochiminh', 'bacho'],
  ...['anhyeuem', 'emyeuanh', 'yeuem', 'yeuanh', 'quantri', 'quantrivien', 'admin', 'administrator', 'xinchao', 'tamtam'],
]);

/** Lower case without diacritics or separators, and the word left once leading and trailing digits and signs go. */
function passwordCores(password: string): string[] {
  const folded = foldForSearch(password).replace(/\s+/g, '');
  const joined = folded.replace(/[^\p{L}\p{N}]+/gu, '');
  const core = joined.replace(/^\d+|\d+$/g, '');
  return [password.toLowerCase(), folded, joined, core].filter((c) => c.length > 0);
}

/**
 * Refuses a password that is common or built on a common word (`matkhau2026`, `Dragon-12345`), or that contains the
 * user name; the trivial patterns are checked by the shared schema (`trivialPasswordProblem`).
 */
export function assertPasswordPolicy(password: string, user: { username: string }, field: string): void {
  const cores = passwordCores(password);
  if (cores.some((c) => commonPasswords.has(c)))
    throw invalidField(field, 'Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác, ví dụ ghép vài từ ít gặp với số.');
  const name = user.username.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  if (name.length >= 3 && cores.some((c) => c.replace(/[^\p{L}\p{N}]+/gu, '').includes(name)))
    throw invalidField(field, 'Mật khẩu không được chứa tên đăng nhập.');
}
