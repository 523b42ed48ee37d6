/** Messages of the dashboards pages (es-MX); merged into the main catalogue. */
export const dashboardsEsMX = {
} as const;
