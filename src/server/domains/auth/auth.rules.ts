/** Session lifetimes (issue: idle 30 minutes, absolute 12 hours). */
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;

export function sessionExpired(session: { createdAt: Date; lastSeenAt: Date; endedAt: Date | null }, now: Date): 'ended' | 'idle' | 'absolute' | null {
  if (session.endedAt) return 'ended';
  if (now.getTime() - session.lastSeenAt.getTime() > IDLE_TIMEOUT_MS) return 'idle';
  if (now.getTime() - session.createdAt.getTime() > ABSOLUTE_TIMEOUT_MS) return 'absolute';
  return null;
}

/**
 * Failed-login throttling: after `free` failures in the window, each further failure doubles the wait
 * (1 s, 2 s, 4 s … capped at 15 minutes). Per account and per address, so neither guessing one account
 * from many places nor many accounts from one place goes fast.
 */
export const THROTTLE = { windowMs: 15 * 60 * 1000, free: { user: 5, address: 20 }, maxDelayMs: 15 * 60 * 1000 };

export function throttleDelayMs(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(THROTTLE.maxDelayMs, 1000 * 2 ** (failures - free));
}
