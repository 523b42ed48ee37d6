/**
 * A member's standing on a day. It is computed from the membership dates and the yearly contributions
 * every time it is shown, never stored, so that it cannot drift from the records it comes from.
 */
import { daysBetween } from '../calendar/working-days.js';
import type { DuesStatus, MemberStatus } from './model.js';

export interface MemberDates {
  /** Null when the source does not say since when. */
  joinedOn: string | null;
  leftOn: string | null;
}

export interface MemberDues {
  year: number;
  status: DuesStatus;
}

/** The network's settings: days a member stays `new`, days after a year ends that a pending contribution is tolerated. */
export interface MembershipRules {
  newDays: number;
  graceDays: number;
}

/**
 * The member's status on the day `on` (ISO dates throughout), the first rule that applies:
 * - null: `joinedOn` is after `on` (not a member yet);
 * - `withdrawn`: `leftOn` is on or before `on`;
 * - `lapsed`: a contribution of a year Y before `on`'s year is still `pending` and more than
 *   `graceDays` days have passed since Y-12-31;
 * - `grace`: a pending contribution's year has ended, but `graceDays` have not passed yet;
 * - `new`: fewer than `newDays` days since `joinedOn` (an unknown `joinedOn` is never new: the
 *   member may be years old);
 * - `active` otherwise. A pending contribution of the current year is not late yet; `paid` and
 *   `exempt` never count against the member.
 */
export function memberStatus(member: MemberDates, dues: readonly MemberDues[], rules: MembershipRules, on: string): MemberStatus | null {
  if (member.joinedOn !== null && daysBetween(on, member.joinedOn) > 0) return null;
  if (member.leftOn !== null && daysBetween(member.leftOn, on) >= 0) return 'withdrawn';
  const year = Number(on.slice(0, 4));
  // The longest overdue pending contribution decides: the oldest year.
  const overdue = dues.filter((d) => d.status === 'pending' && d.year < year).map((d) => d.year);
  if (overdue.length > 0) {
    const oldest = Math.min(...overdue);
    return daysBetween(`${String(oldest).padStart(4, '0')}-12-31`, on) > rules.graceDays ? 'lapsed' : 'grace';
  }
  if (member.joinedOn !== null && daysBetween(member.joinedOn, on) < rules.newDays) return 'new';
  return 'active';
}
