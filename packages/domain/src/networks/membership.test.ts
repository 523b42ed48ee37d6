import { describe, expect, it } from 'vitest';
import { daysBetween } from '../calendar/working-days.js';
import { type MemberDues, memberStatus } from './membership.js';

const rules = { newDays: 180, graceDays: 90 };

describe('memberStatus over one member’s life', () => {
  // Joins on 2024-03-01; the 2024 contribution stays pending until paid on 2025-05-10; leaves on 2026-06-30.
  const member = { joinedOn: '2024-03-01', leftOn: null as string | null };
  const pending: MemberDues[] = [{ year: 2024, status: 'pending' }];
  const paid: MemberDues[] = [{ year: 2024, status: 'paid' }];

  it('is not a member before joining', () => {
    expect(memberStatus(member, [], rules, '2024-02-29')).toBeNull();
    expect(memberStatus(member, pending, rules, '2023-12-31')).toBeNull();
  });

  it('is new from the day it joins until newDays have passed', () => {
    expect(memberStatus(member, [], rules, '2024-03-01')).toBe('new');
    // 2024-03-01 + 179 days = 2024-08-27 (still new), + 180 = 2024-08-28 (active).
    expect(daysBetween('2024-03-01', '2024-08-27')).toBe(179);
    expect(memberStatus(member, [], rules, '2024-08-27')).toBe('new');
    expect(memberStatus(member, [], rules, '2024-08-28')).toBe('active');
  });

  it('a contribution pending within its own year is not late', () => {
    expect(memberStatus(member, pending, rules, '2024-10-01')).toBe('active');
    expect(memberStatus(member, pending, rules, '2024-12-31')).toBe('active');
  });

  it('goes into grace when the year ends unpaid, and lapses after graceDays', () => {
    expect(memberStatus(member, pending, rules, '2025-01-01')).toBe('grace');
    // 2024-12-31 + 90 days = 2025-03-31: the last day of grace.
    expect(memberStatus(member, pending, rules, '2025-03-31')).toBe('grace');
    expect(memberStatus(member, pending, rules, '2025-04-01')).toBe('lapsed');
    expect(memberStatus(member, pending, rules, '2025-05-09')).toBe('lapsed');
  });

  it('is active again once the contribution is paid or waived', () => {
    expect(memberStatus(member, paid, rules, '2025-05-10')).toBe('active');
    expect(memberStatus(member, [{ year: 2024, status: 'exempt' }], rules, '2025-05-10')).toBe('active');
    expect(memberStatus(member, [...paid, { year: 2025, status: 'pending' }], rules, '2025-12-31')).toBe('active');
  });

  it('is withdrawn from the day it leaves, whatever it owes', () => {
    const left = { ...member, leftOn: '2026-06-30' };
    expect(memberStatus(left, paid, rules, '2026-06-29')).toBe('active');
    expect(memberStatus(left, paid, rules, '2026-06-30')).toBe('withdrawn');
    expect(memberStatus(left, pending, rules, '2027-01-01')).toBe('withdrawn');
  });
});

describe('memberStatus edge cases', () => {
  it('grace and lapsed outrank new', () => {
    const recent = { joinedOn: '2024-12-01', leftOn: null };
    expect(memberStatus(recent, [{ year: 2024, status: 'pending' }], rules, '2025-01-15')).toBe('grace');
    expect(memberStatus(recent, [{ year: 2024, status: 'pending' }], { newDays: 365, graceDays: 10 }, '2025-01-15')).toBe('lapsed');
  });

  it('an unknown joining date is never new, and is a member on any day', () => {
    const unknown = { joinedOn: null, leftOn: null };
    expect(memberStatus(unknown, [], rules, '1999-01-01')).toBe('active');
    expect(memberStatus(unknown, [{ year: 2020, status: 'pending' }], rules, '2021-02-01')).toBe('grace');
  });

  it('the oldest pending year decides', () => {
    const old = { joinedOn: '2020-01-01', leftOn: null };
    const dues: MemberDues[] = [
      { year: 2023, status: 'pending' },
      { year: 2024, status: 'pending' },
    ];
    expect(memberStatus(old, dues, rules, '2025-01-10')).toBe('lapsed');
  });

  it('zero grace days lapse the day after the year ends; zero new days are never new', () => {
    const m = { joinedOn: '2024-01-01', leftOn: null };
    expect(memberStatus(m, [{ year: 2024, status: 'pending' }], { newDays: 0, graceDays: 0 }, '2024-12-31')).toBe('active');
    expect(memberStatus(m, [{ year: 2024, status: 'pending' }], { newDays: 0, graceDays: 0 }, '2025-01-01')).toBe('lapsed');
    expect(memberStatus(m, [], { newDays: 0, graceDays: 0 }, '2024-01-01')).toBe('active');
  });

  it('joining and leaving the same day is withdrawn that day', () => {
    expect(memberStatus({ joinedOn: '2025-05-05', leftOn: '2025-05-05' }, [], rules, '2025-05-05')).toBe('withdrawn');
  });
});
