import type { ActivityView } from '@telar/domain';
import { formatDate } from '../../i18n/format';

const monthFormat = new Intl.DateTimeFormat('es-MX', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** One date at the activity's precision: "2023", "mayo de 2023" or "12 de mayo de 2023". */
function formatAtPrecision(isoDate: string, precision: ActivityView['datePrecision']): string {
  if (precision === 'year') return isoDate.slice(0, 4);
  if (precision === 'month') {
    const date = new Date(`${isoDate.slice(0, 7)}-01T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? isoDate : monthFormat.format(date);
  }
  return formatDate(isoDate);
}

/** When an activity took place, as precisely as the source says: "2023", "mayo de 2023 – junio de 2023"… */
export function formatActivityDates(activity: Pick<ActivityView, 'startDate' | 'endDate' | 'datePrecision'>): string {
  const start = formatAtPrecision(activity.startDate, activity.datePrecision);
  if (!activity.endDate) return start;
  const end = formatAtPrecision(activity.endDate, activity.datePrecision);
  return end === start ? start : `${start} – ${end}`;
}
