import type { plansEsMX } from './plans.es-MX';

/** English messages of the plans pages; the type keeps the keys in step with es-MX. */
export const plansEn: Record<keyof typeof plansEsMX, string> = {
};
