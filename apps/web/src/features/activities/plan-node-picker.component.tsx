import { useQuery } from '@tanstack/react-query';
import type { PlanNodeRef } from '@telar/domain';
import { useMemo, useState } from 'react';
import { plansApi } from '../../api/plan-resources';
import { CheckboxGroup } from '../../components/checkbox-group.component';
import { FormField, FormFieldset } from '../../components/form-field.component';
import { t } from '../../i18n/translate';
import { flattenPlanTree } from '../plans/plan-tree.component';
import { SelectedChips } from '../../components/selected-chips.component';

interface PlanNodePickerProps {
  value: readonly string[];
  onChange: (ids: string[]) => void;
  error?: string;
  /** Nodes already linked when the form opens (an edit), so they can be named. */
  knownNodes?: readonly PlanNodeRef[];
}

/** Links an activity to plan nodes: choose a plan, then tick its nodes by code and title. */
export function PlanNodePicker({ value, onChange, error, knownNodes = [] }: PlanNodePickerProps) {
  const [planId, setPlanId] = useState(knownNodes[0]?.planId ?? '');
  const plans = useQuery(plansApi.list({ pageSize: 100 }));
  const plan = useQuery({ ...plansApi.detail(planId), enabled: planId !== '' });
  const options = useMemo(
    () => (plan.data ? flattenPlanTree(plan.data.nodes).map(({ node, depth }) => ({ value: node.id, label: `${'· '.repeat(depth)}${node.code} — ${node.title}` })) : []),
    [plan.data],
  );
  // Names of every node seen, so chosen nodes of another plan stay named.
  const [labels, setLabels] = useState(() => new Map(knownNodes.map((node) => [node.id, `${node.code} — ${node.title}`])));
  const choose = (ids: string[]) => {
    const shown = new Set(options.map((option) => option.value));
    setLabels((previous) => new Map([...previous, ...options.map((option) => [option.value, option.label.replace(/^(· )+/, '')] as const)]));
    onChange([...value.filter((id) => !shown.has(id)), ...ids]);
  };
  return (
    <FormFieldset legend={t('activities.planNodes')} hint={t('activities.planNodesHint')} error={error} className="picker">
      <FormField label={t('activities.plan')}>
        {(control) => (
          <select {...control} value={planId} onChange={(event) => setPlanId(event.target.value)}>
            <option value="">{t('activities.choosePlan')}</option>
            {(plans.data?.items ?? []).map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.shortName ?? candidate.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <div className="picker__columns">
        <div>
          <p className="picker__heading">{t('activities.planNodesOfPlan')}</p>
          {planId === '' && <p className="field__hint">{t('activities.choosePlanFirst')}</p>}
          {planId !== '' && plan.isPending && <p className="loading">{t('app.loading')}</p>}
          {plan.data && options.length === 0 && <p className="empty">{t('plans.treeEmpty')}</p>}
          {options.length > 0 && <CheckboxGroup options={options} value={value.filter((id) => options.some((option) => option.value === id))} onChange={choose} />}
        </div>
        <SelectedChips value={value} getName={(id) => labels.get(id) ?? options.find((option) => option.value === id)?.label ?? id} onChange={onChange} />
      </div>
    </FormFieldset>
  );
}
