/** Messages of the plans pages (es-MX); merged into the main catalogue. */
export const plansEsMX = {
} as const;
