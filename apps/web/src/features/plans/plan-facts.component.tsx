import type { PlanDetailView } from '@telar/domain';
import { Fact } from '../../components/fact.component';
import { formatNumber, formatRefName } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { formatPlanPeriod } from './plan-format.util';
import { PlanProgress } from './plan-progress.component';

// Shared by the internal plan page and the portal's: keep this module light (no schemas, no internal-only modules).

interface PlanFactsProps {
  plan: PlanDetailView;
  /** On the portal the body is the page's eyebrow and the late count is plain text. */
  isPublic?: boolean;
}

/** Body, period, overall progress and late items of a plan. */
export function PlanFacts({ plan, isPublic }: PlanFactsProps) {
  return (
    <dl className="facts">
      {!isPublic && <Fact label={t('plans.body')}>{formatRefName(plan.body)}</Fact>}
      <Fact label={t('plans.period')}>{formatPlanPeriod(plan)}</Fact>
      <Fact label={t('plans.overallProgress')}>
        <PlanProgress value={plan.progress} label={t('plans.overallProgress')} />
      </Fact>
      <Fact label={t('plans.lateLabel')}>
        {plan.lateCount > 0 ? <LateCount count={plan.lateCount} isPlain={isPublic} /> : t('plans.noneLate')}
      </Fact>
    </dl>
  );
}

function LateCount({ count, isPlain }: { count: number; isPlain?: boolean }) {
  const text = t('plans.lateCount', { count: formatNumber(count) });
  return isPlain ? text : <span className="badge badge--overdue plan-late-count">{text}</span>;
}

/** The import's warnings about a plan or one of its items. */
export function PlanFlags({ flags }: { flags: readonly string[] }) {
  if (flags.length === 0) return null;
  return (
    <div className="alert plans-notice plans-notice--warning plan-flags">
      <p>{t('plans.flags')}</p>
      <ul>
        {flags.map((flag) => (
          <li key={flag}>{flag}</li>
        ))}
      </ul>
    </div>
  );
}
