/**
 * Mexico's working days: Monday to Friday except the official rest days of the Ley Federal del Trabajo,
 * art. 74. Dates are ISO `YYYY-MM-DD` days of the Mexico City calendar; arithmetic is done in UTC so
 * no time zone or daylight change moves a day (the day of a moment: `mexicoCityDay` in history-text.ts).
 */

const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const toDay = (date: Date) => date.toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
  const date = toDate(day);
  date.setUTCDate(date.getUTCDate() + days);
  return toDay(date);
}

/** The n-th Monday (1 = first) of a month (1 = January). */
function nthMonday(year: number, month: number, n: number): string {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const toMonday = (8 - first.getUTCDay()) % 7;
  return toDay(new Date(Date.UTC(year, month - 1, 1 + toMonday + 7 * (n - 1))));
}

/**
 * The transfer of the federal executive: 1 October every six years from 2024 (the 2014 reform),
 * 1 December every six years before it.
 */
function transferOfPowerDay(year: number): string | null {
  if (year >= 2024) return (year - 2024) % 6 === 0 ? `${year}-10-01` : null;
  return (2018 - year) % 6 === 0 ? `${year}-12-01` : null;
}

/** The official rest days of a year (art. 74 LFT), in calendar order. Election days are decreed one by one and not known here. */
export function officialRestDays(year: number): string[] {
  const pad = (n: number) => String(n).padStart(2, '0');
  const fixed = (month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;
  const days = [
    fixed(1, 1),
    nthMonday(year, 2, 1),
    nthMonday(year, 3, 3),
    fixed(5, 1),
    fixed(9, 16),
    nthMonday(year, 11, 3),
    fixed(12, 25),
    transferOfPowerDay(year),
  ];
  return days.filter((d): d is string => d !== null).sort();
}

const restDaysByYear = new Map<number, Set<string>>();

export function isWorkingDay(day: string): boolean {
  const weekday = toDate(day).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  const year = Number(day.slice(0, 4));
  let restDays = restDaysByYear.get(year);
  if (!restDays) restDaysByYear.set(year, (restDays = new Set(officialRestDays(year))));
  return !restDays.has(day);
}

/** The working day `n` working days after `day` (n ≥ 0; 0 gives `day` itself, even if it is a rest day). */
export function addWorkingDays(day: string, n: number): string {
  let current = day;
  for (let left = n; left > 0; ) {
    current = addDays(current, 1);
    if (isWorkingDay(current)) left--;
  }
  return current;
}

/**
 * How many working days from `today` until `deadline`: the working days after today up to and including
 * the deadline (0 when the deadline is today, or a rest day with no working day before it; negative when
 * it has passed: minus the calendar days since).
 */
export function workingDaysUntil(today: string, deadline: string): number {
  if (deadline < today) return -Math.round((toDate(today).getTime() - toDate(deadline).getTime()) / 86_400_000);
  let count = 0;
  for (let day = addDays(today, 1); day <= deadline; day = addDays(day, 1)) if (isWorkingDay(day)) count++;
  return count;
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toDate(to).getTime() - toDate(from).getTime()) / 86_400_000);
}
