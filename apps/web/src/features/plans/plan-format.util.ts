import type { PlanSummaryView } from '@telar/domain';
import { formatDate } from '../../i18n/format';
import { t } from '../../i18n/translate';

/** "1 de enero de 2021 – 31 de diciembre de 2024", or a dash when the plan names no period. */
export function formatPlanPeriod(plan: Pick<PlanSummaryView, 'periodFrom' | 'periodTo'>): string {
  if (!plan.periodFrom && !plan.periodTo) return t('app.none');
  return `${formatDate(plan.periodFrom)} – ${formatDate(plan.periodTo)}`;
}

/** The short name when there is one, else the full name. */
export const formatPlanName = (plan: Pick<PlanSummaryView, 'name' | 'shortName'>) => plan.shortName ?? plan.name;
