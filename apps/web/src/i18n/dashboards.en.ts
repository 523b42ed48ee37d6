import type { dashboardsEsMX } from './dashboards.es-MX';

/** English messages of the dashboards pages; the type keeps the keys in step with es-MX. */
export const dashboardsEn: Record<keyof typeof dashboardsEsMX, string> = {
};
