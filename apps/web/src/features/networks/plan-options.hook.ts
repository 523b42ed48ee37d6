import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { plansApi } from '../../api/plan-resources';
import type { SelectOption } from '../../components/nullable-select.component';

/** The plans a network's commitments may come from, as select options (the first hundred, as the activity pickers do). */
export function usePlanOptions(): SelectOption[] {
  const plans = useQuery(plansApi.list({ pageSize: 100 }));
  return useMemo(() => (plans.data?.items ?? []).map((plan) => ({ value: plan.id, label: plan.shortName ? `${plan.shortName} — ${plan.name}` : plan.name })), [plans.data]);
}
