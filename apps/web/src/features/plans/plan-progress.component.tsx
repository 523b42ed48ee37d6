import { formatNumber } from '../../i18n/format';
import { t } from '../../i18n/translate';

/** Progress 0–100 as a native <progress> (no inline styles under the CSP) with its figure in text. */
export function PlanProgress({ value, label }: { value: number | null; label: string }) {
  if (value === null) return <p className="plan-progress plan-progress--none">{t('plans.noProgress')}</p>;
  const rounded = Math.round(value);
  return (
    <p className="plan-progress">
      <progress max={100} value={rounded} aria-label={label} />
      <span className="plan-progress__figure">{t('plans.percent', { value: formatNumber(rounded) })}</span>
    </p>
  );
}
