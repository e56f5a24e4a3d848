/** Session lifetimes (issue: idle 30 minutes, absolute 12 hours). */
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
/** A session's last use is written at most this often (idle timeout precision), not on every request. */
export const TOUCH_INTERVAL_MS = 60 * 1000;
/** How long a resolved session is reused without reading the database; ending a session forgets it at once. */
export const SESSION_CACHE_MS = 5 * 1000;

export function sessionExpired(session: { createdAt: Date; lastSeenAt: Date; endedAt: Date | null }, now: Date): 'ended' | 'idle' | 'absolute' | null {
  if (session.endedAt) return 'ended';
  if (now.getTime() - session.lastSeenAt.getTime() > IDLE_TIMEOUT_MS) return 'idle';
  if (now.getTime() - session.createdAt.getTime() > ABSOLUTE_TIMEOUT_MS) return 'absolute';
  return null;
}

/**
 * Login throttling: after `free` attempts in the window, each further attempt doubles the wait (1 s, 2 s, 4 s …
 * capped at 15 minutes); a successful sign-in clears the account's count and does not count for the address.
 * Per account and per address, so neither guessing one account from many places nor many accounts from one place
 * goes fast. The count is taken in the database before the password is checked (`countLoginAttempt`).
 */
export const THROTTLE = { windowMs: 15 * 60 * 1000, free: { user: 5, address: 20 }, maxDelayMs: 15 * 60 * 1000 };
