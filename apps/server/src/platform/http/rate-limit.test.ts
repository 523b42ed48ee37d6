import { describe, expect, it } from 'vitest';
import { secondsUntilAllowed } from './rate-limit.js';

describe('seconds until a rate-limited client may try again', () => {
  it('is 0 while the sliding estimate is within the limit', () => {
    expect(secondsUntilAllowed({ current: 3, previous: 0, elapsed: 0.5 }, 3, 60)).toBe(0);
    // Half of the previous window's 4 hits still weigh: 2 + 1 = 3.
    expect(secondsUntilAllowed({ current: 1, previous: 4, elapsed: 0.5 }, 3, 60)).toBe(0);
  });

  it('waits into the next window when this one is spent, until it has faded enough', () => {
    // Next window, half way: 4 × 0.5 + 1 = 3 ≤ 3.
    expect(secondsUntilAllowed({ current: 4, previous: 0, elapsed: 0.5 }, 3, 60)).toBe(60);
    expect(secondsUntilAllowed({ current: 4, previous: 0, elapsed: 0.99 }, 3, 60)).toBe(31);
  });

  it('waits within this window when only the previous one weighs too much', () => {
    // At half the window: 6 × 0.5 + 1 + 1 = 5 ≤ 5; from 0.2, that is 18 s.
    expect(secondsUntilAllowed({ current: 1, previous: 6, elapsed: 0.2 }, 5, 60)).toBe(18);
  });
});
