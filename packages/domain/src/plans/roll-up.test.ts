import { describe, expect, it } from 'vitest';
import type { PlanNodeView } from '../schemas/plan-views.js';
import { DEFAULT_PLAN_STATUSES } from '../schemas/plans.js';
import { buildPlanTree, flattenTree, indicatorProgress, planProgress } from './roll-up.js';
import { planNode as node } from './plan-fixtures.test-support.js';


describe('buildPlanTree', () => {
  it('rolls progress up by weight, counting unreported siblings as zero', () => {
    const roots = buildPlanTree(
      [node('1', null), node('1.1', '1', { progress: 100, weight: 3 }), node('1.2', '1', { weight: 1 }), node('2', null, { status: 'completed' })],
      DEFAULT_PLAN_STATUSES,
      '2025-01-01',
    );
    expect(roots.map((r) => r.code)).toEqual(['1', '2']);
    expect(roots[0]!.rolledProgress).toBe(75);
    expect(roots[1]!.rolledProgress).toBe(100);
    expect(planProgress(roots)).toBe(87.5);
  });

  it('leaves a branch unknown when nothing below it was reported', () => {
    const roots = buildPlanTree([node('1', null), node('1.1', '1'), node('1.2', '1')], DEFAULT_PLAN_STATUSES, '2025-01-01');
    expect(roots[0]!.rolledProgress).toBeNull();
    expect(planProgress(roots)).toBeNull();
  });

  it('uses what a status means when no figure was reported', () => {
    const [root] = buildPlanTree([node('1', null, { status: 'in_progress' })], DEFAULT_PLAN_STATUSES, '2025-01-01');
    expect(root!.rolledProgress).toBe(50);
  });

  it('marks overdue nodes late unless their status is closed', () => {
    const roots = buildPlanTree(
      [node('a', null, { dueDate: '2024-12-31', status: 'in_progress' }), node('b', null, { dueDate: '2024-12-31', status: 'completed' }), node('c', null, { dueDate: '2025-06-30' })],
      DEFAULT_PLAN_STATUSES,
      '2025-01-01',
    );
    expect(flattenTree(roots).filter((n) => n.isLate).map((n) => n.code)).toEqual(['a']);
  });
});

describe('indicatorProgress', () => {
  it('measures the way from baseline to target, for increases and reductions', () => {
    expect(indicatorProgress(null, 2000, 1502)).toBe(75.1);
    expect(indicatorProgress(100, 200, 150)).toBe(50);
    expect(indicatorProgress(270, 135, 200)).toBe(51.9);
    expect(indicatorProgress(0, 100, 140)).toBe(100);
    expect(indicatorProgress(0, 100, null)).toBeNull();
    expect(indicatorProgress(null, null, 5)).toBeNull();
  });
});
