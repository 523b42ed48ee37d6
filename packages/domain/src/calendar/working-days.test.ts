import { describe, expect, it } from 'vitest';
import { mexicoCityDay } from '../history/history-text.js';
import { addWorkingDays, isWorkingDay, officialRestDays, workingDaysUntil } from './working-days.js';

describe('official rest days (LFT art. 74)', () => {
  it.each([
    [2024, ['2024-01-01', '2024-02-05', '2024-03-18', '2024-05-01', '2024-09-16', '2024-10-01', '2024-11-18', '2024-12-25']],
    [2025, ['2025-01-01', '2025-02-03', '2025-03-17', '2025-05-01', '2025-09-16', '2025-11-17', '2025-12-25']],
    [2026, ['2026-01-01', '2026-02-02', '2026-03-16', '2026-05-01', '2026-09-16', '2026-11-16', '2026-12-25']],
    [2027, ['2027-01-01', '2027-02-01', '2027-03-15', '2027-05-01', '2027-09-16', '2027-11-15', '2027-12-25']],
    [2028, ['2028-01-01', '2028-02-07', '2028-03-20', '2028-05-01', '2028-09-16', '2028-11-20', '2028-12-25']],
    [2029, ['2029-01-01', '2029-02-05', '2029-03-19', '2029-05-01', '2029-09-16', '2029-11-19', '2029-12-25']],
    [2030, ['2030-01-01', '2030-02-04', '2030-03-18', '2030-05-01', '2030-09-16', '2030-10-01', '2030-11-18', '2030-12-25']],
  ])('%i', (year, days) => {
    expect(officialRestDays(year)).toEqual(days);
  });

  it('keeps 1 December for the transfers before the 2014 reform took effect', () => {
    expect(officialRestDays(2018)).toContain('2018-12-01');
    expect(officialRestDays(2019)).not.toContain('2019-12-01');
  });
});

describe('working days', () => {
  it('skips weekends and rest days', () => {
    expect(isWorkingDay('2025-09-16')).toBe(false); // Tuesday, Independence
    expect(isWorkingDay('2025-09-15')).toBe(true);
    expect(isWorkingDay('2024-10-01')).toBe(false); // transfer of power
    expect(isWorkingDay('2025-10-01')).toBe(true);
    expect(isWorkingDay('2025-09-13')).toBe(false); // Saturday
  });

  it('counts the working days until a deadline, past deadlines as negative calendar days', () => {
    expect(workingDaysUntil('2025-09-15', '2025-09-17')).toBe(1); // the 16th is a rest day
    expect(workingDaysUntil('2025-09-12', '2025-09-22')).toBe(5);
    expect(workingDaysUntil('2025-09-15', '2025-09-15')).toBe(0);
    expect(workingDaysUntil('2025-09-20', '2025-09-15')).toBe(-5);
    expect(addWorkingDays('2024-12-24', 1)).toBe('2024-12-26');
    expect(addWorkingDays('2025-03-14', 1)).toBe('2025-03-18'); // weekend, then the third Monday of March
  });

  it('reads the day in Mexico City, not in UTC', () => {
    // 23:59 in Mexico City on 15 September 2025 (UTC−6) is already the 16th in UTC.
    expect(mexicoCityDay('2025-09-16T05:59:00Z')).toBe('2025-09-15');
    expect(mexicoCityDay('2025-09-16T06:00:00Z')).toBe('2025-09-16');
  });
});
