import type { ActivityKind, ActivityTotals, StateTotalsRow } from '@telar/domain';
import type { ActivityDashboardFilters } from '../../api/dashboard-resources';
import { readChoice } from '../../routes/search-params';

// The lists are written here, typed against the domain, so the page does not load the domain's
// schemas (and zod) just to read a few names.
const KIND_POSITIONS: Record<ActivityKind, number> = {
  training: 0,
  campaign: 1,
  cooperation_agreement: 2,
  forum: 3,
  inspection: 4,
  publication: 5,
  norm: 6,
  protocol: 7,
  contest: 8,
  meeting: 9,
  research: 10,
  service: 11,
  other: 12,
};

/** Kinds of activity in the domain's order. */
export const ACTIVITY_KIND_CHOICES = Object.keys(KIND_POSITIONS) as ActivityKind[];

/** What the map colours (and the tables sort by). */
export const DASHBOARD_MEASURES = ['activities', 'participants', 'participantsPer100k', 'events'] as const satisfies readonly (keyof StateTotalsRow)[];
export type DashboardMeasure = (typeof DASHBOARD_MEASURES)[number];
// Counting activities shows every state that reported something; many reports give no participant figures.
export const DEFAULT_MEASURE: DashboardMeasure = 'activities';

/** The totals counted over time and by kind: a rate needs a population, so those charts show participants. */
export function toCountMeasure(measure: DashboardMeasure): keyof ActivityTotals {
  return measure === 'participantsPer100k' ? 'participants' : measure;
}

/** The dashboard's address parameters as the router reads them (plain strings and numbers). */
export interface ActivityDashboardSearch {
  from?: number;
  to?: number;
  kind?: string;
  stateCode?: string;
  measure?: string;
}

const STATE_CODE = /^MX-[A-Z]{3}$/;
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

const readYear = (value: number | undefined) => (value !== undefined && value >= MIN_YEAR && value <= MAX_YEAR ? value : undefined);

/** Keeps only the filters the API accepts, so a hand-edited address shows a page and not an error. */
export function readDashboardFilters(search: ActivityDashboardSearch): ActivityDashboardFilters & { measure: DashboardMeasure } {
  return {
    from: readYear(search.from),
    to: readYear(search.to),
    kind: readChoice(search.kind, ACTIVITY_KIND_CHOICES),
    stateCode: search.stateCode && STATE_CODE.test(search.stateCode) ? search.stateCode : undefined,
    measure: readChoice(search.measure, DASHBOARD_MEASURES) ?? DEFAULT_MEASURE,
  };
}

/** Years offered by the year filters: this year and next back to 2000, newest first. */
export function listFilterYears(): number[] {
  const last = new Date().getFullYear() + 1;
  return Array.from({ length: last - 2000 + 1 }, (_, index) => last - index);
}

/** A rate with one decimal, counts as they are. */
export function roundMeasure(measure: DashboardMeasure, value: number): number {
  return measure === 'participantsPer100k' ? Math.round(value * 10) / 10 : value;
}
