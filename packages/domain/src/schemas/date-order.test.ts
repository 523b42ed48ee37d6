import { describe, expect, it } from 'vitest';
import { OrganizationCreateSchema, OrganizationUpdateSchema } from './directory.js';
import { ReportingPeriodCreateSchema } from './plans.js';
import { isDatedBeforeSession, MechanismReportQuerySchema, PublishedReportWithdrawSchema } from './sessions.js';
import { datesInOrder } from './common.js';

const ID = '6f1c2d34-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const firstIssue = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) => {
  expect(result.success).toBe(false);
  const [issue] = result.error!.issues;
  return { path: issue!.path.join('.'), message: issue!.message };
};

describe('dates in order', () => {
  it('compares ISO dates, letting a missing one pass', () => {
    expect(datesInOrder('2024-01-01', '2024-01-01')).toBe(true);
    expect(datesInOrder('2024-01-02', '2024-01-01')).toBe(false);
    expect(datesInOrder(null, '2024-01-01')).toBe(true);
    expect(isDatedBeforeSession('2024-03-09', '2024-03-10')).toBe(true);
    expect(isDatedBeforeSession('2024-03-10', '2024-03-10')).toBe(false);
    expect(isDatedBeforeSession(null, '2024-03-10')).toBe(false);
  });

  it('refuses a reporting deadline before the period starts, naming the deadline', () => {
    const period = { planId: ID, title: 'Informe 2024', periodFrom: '2024-01-01', periodTo: '2024-12-31', dueDate: '2025-01-31' };
    expect(ReportingPeriodCreateSchema.safeParse(period).success).toBe(true);
    expect(firstIssue(ReportingPeriodCreateSchema.safeParse({ ...period, dueDate: '2023-12-31' }))).toEqual({
      path: 'dueDate',
      message: 'La fecha límite de entrega no puede ser anterior al inicio del periodo.',
    });
    expect(firstIssue(ReportingPeriodCreateSchema.safeParse({ ...period, periodTo: '2023-06-30' })).path).toBe('periodTo');
  });

  it('refuses a reversed report period, naming its end', () => {
    expect(MechanismReportQuerySchema.safeParse({ bodyId: ID, from: '2024-01-01', to: '2024-01-01' }).success).toBe(true);
    expect(firstIssue(MechanismReportQuerySchema.safeParse({ bodyId: ID, from: '2024-12-31', to: '2024-01-01' }))).toEqual({
      path: 'to',
      message: 'El fin del periodo es anterior a su inicio.',
    });
  });
});

describe('organisations of a state', () => {
  const organization = { name: 'DIF Jalisco', sector: 'government', level: 'state' } as const;
  it('requires the state of a state or municipal organisation, not of a federal one', () => {
    expect(firstIssue(OrganizationCreateSchema.safeParse(organization))).toEqual({
      path: 'stateCode',
      message: 'Una organización estatal o municipal necesita su entidad federativa.',
    });
    expect(firstIssue(OrganizationCreateSchema.safeParse({ ...organization, level: 'municipal', stateCode: null })).path).toBe('stateCode');
    expect(OrganizationCreateSchema.safeParse({ ...organization, stateCode: 'MX-JAL' }).success).toBe(true);
    expect(OrganizationCreateSchema.safeParse({ ...organization, level: 'federal' }).success).toBe(true);
  });

  it('refuses an edit that clears the state of a state organisation, and leaves partial edits to the service', () => {
    expect(firstIssue(OrganizationUpdateSchema.safeParse({ level: 'state', stateCode: null, version: 1 })).path).toBe('stateCode');
    expect(OrganizationUpdateSchema.safeParse({ level: 'state', version: 1 }).success).toBe(true);
    expect(OrganizationUpdateSchema.safeParse({ name: 'Otro nombre', version: 1 }).success).toBe(true);
  });
});

it('asks for the reason a published report is withdrawn', () => {
  expect(firstIssue(PublishedReportWithdrawSchema.safeParse({ reason: '  ' })).path).toBe('reason');
  expect(PublishedReportWithdrawSchema.parse({ reason: ' Periodo equivocado ' }).reason).toBe('Periodo equivocado');
});
