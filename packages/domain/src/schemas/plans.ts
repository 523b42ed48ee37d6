import { z } from 'zod';
import { CROSS_TAB_MEASURES } from '../statistics/model.js';
import { datesInOrder, IdSchema, IsoDateSchema, optionalText, requiredId, requiredText, StateCodeSchema, VersionSchema } from './common.js';

/** Kinds of plan node the seeds use: a PRONAPINNA objective, a line of action "2.6", an 8.7 priority… */
export const PLAN_NODE_KINDS = [
  'objective',
  'axis',
  'strategy',
  'strategic_line',
  'action_line',
  'priority',
  'commitment',
  'deliverable',
  'next_step',
] as const;
export type PlanNodeKind = (typeof PLAN_NODE_KINDS)[number];

/** A status a plan's nodes may take; `progress` is what the status means when no figure is reported. */
export const PlanStatusSchema = z.object({
  key: z.string().trim().regex(/^[a-z][a-z0-9_]{0,39}$/, { message: 'Clave de estado no válida (minúsculas, números y guion bajo).' }),
  label: requiredText(60),
  progress: z.number().min(0).max(100).nullable(),
  /** Closed statuses (done or abandoned) are never late. */
  isClosed: z.boolean(),
});
export type PlanStatus = z.infer<typeof PlanStatusSchema>;

/** The list the Alliance 8.7 roadmap uses, plus "no iniciado"; a plan may configure its own. */
export const DEFAULT_PLAN_STATUSES: PlanStatus[] = [
  { key: 'not_started', label: 'No iniciado', progress: 0, isClosed: false },
  { key: 'planned', label: 'Previsto', progress: 0, isClosed: false },
  { key: 'in_progress', label: 'En curso', progress: 50, isClosed: false },
  { key: 'completed', label: 'Completado', progress: 100, isClosed: true },
  { key: 'not_achieved', label: 'No alcanzado', progress: 0, isClosed: true },
];

const nullableDate = IsoDateSchema.nullish().or(z.literal('')).transform((v) => v || null);
/** In an edit, a field left out stays as it is; an empty one is cleared. */
const editedDate = IsoDateSchema.nullish().or(z.literal('')).transform((v) => (v === undefined ? undefined : v || null));
const Progress = z.number({ message: 'El avance es un número de 0 a 100.' }).min(0, { message: 'El avance va de 0 a 100.' }).max(100, { message: 'El avance va de 0 a 100.' });

/** What the source leaves unclear, recorded instead of guessed ("El documento no precisa la fecha…"). */
const Flags = z.array(requiredText(1000)).max(20).default([]);

export const PlanCreateSchema = z
  .object({
    name: requiredText(400),
    shortName: optionalText(80),
    description: optionalText(4000),
    bodyId: requiredId('Elija un órgano.'),
    periodFrom: nullableDate,
    periodTo: nullableDate,
    statuses: z
      .array(PlanStatusSchema)
      .min(1, { message: 'El plan necesita al menos un estado.' })
      .refine((list) => new Set(list.map((s) => s.key)).size === list.length, { message: 'Hay claves de estado repetidas.' })
      .default(DEFAULT_PLAN_STATUSES),
    flags: Flags,
  })
  .refine((p) => datesInOrder(p.periodFrom, p.periodTo), { message: 'La fecha de término es anterior a la de inicio.', path: ['periodTo'] });
export type PlanCreateInput = z.input<typeof PlanCreateSchema>;

export const PlanUpdateSchema = z.object({
  name: requiredText(400).optional(),
  shortName: optionalText(80).optional(),
  description: optionalText(4000).optional(),
  periodFrom: editedDate,
  periodTo: editedDate,
  version: VersionSchema,
});
export type PlanUpdateInput = z.input<typeof PlanUpdateSchema>;

/** A node code: "2", "2.6", "P3", "E-1.a". */
export const PlanNodeCodeSchema = z
  .string()
  .trim()
  .min(1, { message: 'Este campo es obligatorio.' })
  .max(30, { message: 'Máximo 30 caracteres.' })
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}.\-_]*$/u, { message: 'Clave no válida: letras, números, punto y guion (p. ej. 2.6).' });

export const PlanNodeCreateSchema = z
  .object({
    planId: requiredId('Elija un plan.'),
    parentId: IdSchema.nullish().transform((v) => v ?? null),
    kind: z.enum(PLAN_NODE_KINDS),
    code: PlanNodeCodeSchema,
    title: requiredText(2000),
    status: z.string().trim().max(40).nullish().or(z.literal('')).transform((v) => v || null),
    progress: Progress.nullish().transform((v) => v ?? null),
    weight: z.number().positive({ message: 'El peso debe ser mayor que cero.' }).max(1000).default(1),
    startDate: nullableDate,
    dueDate: nullableDate,
    responsibleOrganizationIds: z.array(IdSchema).default([]),
    agreementIds: z.array(IdSchema).default([]),
    flags: Flags,
  })
  .refine((n) => datesInOrder(n.startDate, n.dueDate), { message: 'La fecha límite es anterior a la de inicio.', path: ['dueDate'] });
export type PlanNodeCreateInput = z.input<typeof PlanNodeCreateSchema>;

export const PlanNodeUpdateSchema = z.object({
  kind: z.enum(PLAN_NODE_KINDS).optional(),
  code: PlanNodeCodeSchema.optional(),
  title: requiredText(2000).optional(),
  status: z.string().trim().max(40).nullish().or(z.literal('')).transform((v) => (v === undefined ? undefined : v || null)),
  progress: Progress.nullish(),
  weight: z.number().positive({ message: 'El peso debe ser mayor que cero.' }).max(1000).optional(),
  startDate: editedDate,
  dueDate: editedDate,
  responsibleOrganizationIds: z.array(IdSchema).optional(),
  agreementIds: z.array(IdSchema).optional(),
  /** Why the status changed; kept in the node's status history. */
  comment: optionalText(2000).optional(),
  version: VersionSchema,
});
export type PlanNodeUpdateInput = z.input<typeof PlanNodeUpdateSchema>;

export const ACTIVITY_KINDS = [
  'training',
  'campaign',
  'cooperation_agreement',
  'forum',
  'inspection',
  'publication',
  'norm',
  'protocol',
  'contest',
  'meeting',
  'research',
  'service',
  'other',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const DATE_PRECISIONS = ['day', 'month', 'year'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const SEXES = ['female', 'male'] as const;

export const ReachBreakdownSchema = z.object({
  sex: z.enum(SEXES).nullable(),
  ageGroup: optionalText(40),
  count: z.number().int().min(0),
});
export type ReachBreakdown = z.output<typeof ReachBreakdownSchema>;

const Count = z.number({ message: 'Escriba un número entero.' }).int({ message: 'Escriba un número entero.' }).min(0, { message: 'No puede ser negativo.' });
const nullableCount = Count.nullish().transform((v) => v ?? null);

/** What an activity records; defaults apply only when it is created (an edit leaves out what it does not change). */
const activityFields = {
  /**
   * The body whose secretariat (or one above it) answers for the activity. Outside a report it is
   * required; filed in a report it is the body of the report's plan.
   */
  bodyId: z.string({ message: 'Indique el órgano al que pertenece la actividad.' }).uuid({ message: 'Identificador no válido.' }),
  kind: z.enum(ACTIVITY_KINDS),
  title: requiredText(500),
  description: optionalText(10000),
  startDate: IsoDateSchema,
  endDate: nullableDate,
  datePrecision: z.enum(DATE_PRECISIONS),
  audience: optionalText(500),
  events: nullableCount,
  participants: nullableCount,
  peopleReached: nullableCount,
  reachBreakdown: z.array(ReachBreakdownSchema).max(50),
  leadOrganizationIds: z.array(IdSchema).min(1, { message: 'Indique al menos una institución responsable.' }),
  partnerOrganizationIds: z.array(IdSchema),
  stateCodes: z.array(StateCodeSchema),
  municipalityCodes: z.array(z.string().regex(/^\d{5}$/, { message: 'Clave de municipio no válida (cinco dígitos INEGI).' })),
  planNodeIds: z.array(IdSchema),
  agreementIds: z.array(IdSchema),
  /** Files uploaded beforehand through POST /api/evidence. */
  evidenceIds: z.array(IdSchema),
  source: optionalText(500),
};

const reachAddsUp = (a: { participants?: number | null; reachBreakdown?: ReachBreakdown[] }) =>
  !a.reachBreakdown?.length || a.participants == null || a.reachBreakdown.reduce((sum, r) => sum + r.count, 0) <= a.participants;

export const ActivityCreateSchema = z
  .object({
    ...activityFields,
    bodyId: activityFields.bodyId.nullish().transform((v) => v ?? null),
    datePrecision: activityFields.datePrecision.default('day'),
    reachBreakdown: activityFields.reachBreakdown.default([]),
    partnerOrganizationIds: activityFields.partnerOrganizationIds.default([]),
    stateCodes: activityFields.stateCodes.default([]),
    municipalityCodes: activityFields.municipalityCodes.default([]),
    planNodeIds: activityFields.planNodeIds.default([]),
    agreementIds: activityFields.agreementIds.default([]),
    evidenceIds: activityFields.evidenceIds.default([]),
    flags: Flags,
    reportId: IdSchema.nullish().transform((v) => v ?? null),
  })
  .refine((a) => datesInOrder(a.startDate, a.endDate), { message: 'La fecha de término es anterior a la de inicio.', path: ['endDate'] })
  .refine(reachAddsUp, { message: 'El desglose suma más participantes que el total.', path: ['reachBreakdown'] })
  .refine((a) => a.reportId !== null || a.bodyId !== null, { message: 'Indique el órgano al que pertenece la actividad.', path: ['bodyId'] });
export type ActivityCreateInput = z.input<typeof ActivityCreateSchema>;

export const ActivityUpdateSchema = z
  .object(activityFields)
  .partial()
  .extend({ endDate: editedDate, version: VersionSchema })
  .refine((a) => datesInOrder(a.startDate, a.endDate), { message: 'La fecha de término es anterior a la de inicio.', path: ['endDate'] })
  .refine(reachAddsUp, { message: 'El desglose suma más participantes que el total.', path: ['reachBreakdown'] });
export type ActivityUpdateInput = z.input<typeof ActivityUpdateSchema>;

export const PERIODICITIES = ['annual', 'semiannual', 'quarterly', 'monthly'] as const;
export type Periodicity = (typeof PERIODICITIES)[number];

export const DISAGGREGATIONS = ['sex', 'age_group'] as const;

/** Computed indicators: per 100,000 inhabitants of the state (or the country) with the INEGI 2020 census. */
export const INDICATOR_FORMULAS = ['per_100k_population'] as const;

/**
 * Where a dataset-backed indicator reads its values: a query on a statistics dataset (measure, count
 * or rate, filters such as "crime_subtype:Homicidio doloso"), read by state × year from its current revision.
 */
export const IndicatorDataSourceSchema = z.object({
  datasetId: requiredId('Elija un conjunto de datos.'),
  measure: z.string().trim().max(40).nullish().transform((v) => v || null),
  kind: z.enum(CROSS_TAB_MEASURES).default('count'),
  where: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
});
export type IndicatorDataSourceInput = z.input<typeof IndicatorDataSourceSchema>;

export const IndicatorCreateSchema = z
  .object({
    planNodeId: requiredId('Elija un elemento del plan.'),
    code: optionalText(30),
    name: requiredText(500),
    unit: requiredText(60),
    baseline: z.number().nullish().transform((v) => v ?? null),
    baselineYear: z.number().int().min(1900).max(2100).nullish().transform((v) => v ?? null),
    target: z.number().nullish().transform((v) => v ?? null),
    targetYear: z.number().int().min(1900).max(2100).nullish().transform((v) => v ?? null),
    periodicity: z.enum(PERIODICITIES).default('annual'),
    source: optionalText(500),
    disaggregations: z.array(z.enum(DISAGGREGATIONS)).default([]),
    formula: z.enum(INDICATOR_FORMULAS).nullish().transform((v) => v ?? null),
    baseIndicatorId: IdSchema.nullish().transform((v) => v ?? null),
    dataSource: IndicatorDataSourceSchema.nullish().transform((v) => v ?? null),
  })
  .refine((i) => (i.formula === null) === (i.baseIndicatorId === null), {
    message: 'Un indicador calculado necesita su fórmula y el indicador del que se calcula.',
    path: ['baseIndicatorId'],
  })
  .refine((i) => !(i.dataSource && i.formula), { message: 'Un indicador calculado no toma sus valores de un conjunto de datos.', path: ['dataSource'] });
export type IndicatorCreateInput = z.input<typeof IndicatorCreateSchema>;

/** "2023", "2023-S1", "2023-T2" or "2023-05", matching the indicator's periodicity. */
export const PeriodSchema = z.string().trim().regex(/^\d{4}(-S[12]|-T[1-4]|-(0[1-9]|1[0-2]))?$/, { message: 'Periodo no válido (2023, 2023-S1, 2023-T2 o 2023-05).' });

/** The first day of a period, or undefined when the text is not a period. */
export function periodStart(period: string): string | undefined {
  const match = /^(\d{4})(?:-S([12])|-T([1-4])|-(\d{2}))?$/.exec(period);
  if (!match) return undefined;
  const [, year, half, quarter, month] = match;
  const monthNumber = half ? (Number(half) - 1) * 6 + 1 : quarter ? (Number(quarter) - 1) * 3 + 1 : month ? Number(month) : 1;
  return `${year}-${String(monthNumber).padStart(2, '0')}-01`;
}

/** The shape a period of each periodicity has. */
const PERIOD_SHAPES: Record<Periodicity, RegExp> = {
  annual: /^\d{4}$/,
  semiannual: /^\d{4}-S[12]$/,
  quarterly: /^\d{4}-T[1-4]$/,
  monthly: /^\d{4}-\d{2}$/,
};
export const periodMatches = (periodicity: Periodicity, period: string) => PERIOD_SHAPES[periodicity].test(period);

export const IndicatorValueSchema = z.object({
  period: PeriodSchema,
  stateCode: StateCodeSchema.nullish().transform((v) => v ?? null),
  /** "sex=female", "age_group=12-17"; blank is the total. */
  disaggregation: z
    .string()
    .trim()
    .max(100)
    .regex(/^$|^(sex|age_group)=[\p{L}\p{N} \-+]+$/u, { message: 'Desglose no válido (p. ej. sex=female).' })
    .default(''),
  value: z.number({ message: 'El valor es un número.' }).finite(),
  source: optionalText(500),
  notes: optionalText(2000),
});
export type IndicatorValueInput = z.input<typeof IndicatorValueSchema>;

export const IndicatorValuesWriteSchema = z.object({
  values: z.array(IndicatorValueSchema).min(1, { message: 'Envíe al menos un valor.' }).max(5000),
  /** The report the values are filed in, when an enlace reports them. */
  reportId: IdSchema.nullish().transform((v) => v ?? null),
});
export type IndicatorValuesWriteInput = z.input<typeof IndicatorValuesWriteSchema>;

export const REPORTING_DUE_DATE_MESSAGE = 'La fecha límite de entrega no puede ser anterior al inicio del periodo.';

export const ReportingPeriodCreateSchema = z
  .object({
    planId: requiredId('Elija un plan.'),
    title: requiredText(200),
    periodFrom: IsoDateSchema,
    periodTo: IsoDateSchema,
    dueDate: IsoDateSchema,
    /** Who must report; by default every organisation responsible for a node of the plan. */
    organizationIds: z.array(IdSchema).optional(),
  })
  .refine((p) => p.periodFrom <= p.periodTo, { message: 'El fin del periodo es anterior a su inicio.', path: ['periodTo'] })
  .refine((p) => datesInOrder(p.periodFrom, p.dueDate), { message: REPORTING_DUE_DATE_MESSAGE, path: ['dueDate'] });
export type ReportingPeriodCreateInput = z.input<typeof ReportingPeriodCreateSchema>;

/** While a period is open its deadline may move; the service checks it against the period's start. */
export const ReportingPeriodUpdateSchema = z.object({ dueDate: IsoDateSchema, version: VersionSchema });
export type ReportingPeriodUpdateInput = z.input<typeof ReportingPeriodUpdateSchema>;

/** Due → Submitted → Accepted, or Sent back (to fix and submit again). Overdue is Due or Sent back past the deadline. */
export const REPORT_STATUSES = ['due', 'submitted', 'accepted', 'sent_back'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const ReportReviewSchema = z
  .object({
    decision: z.enum(['accept', 'send_back']),
    comment: optionalText(4000),
    version: VersionSchema,
  })
  .refine((r) => r.decision === 'accept' || r.comment !== null, { message: 'Explique qué debe corregirse.', path: ['comment'] });
export type ReportReviewInput = z.input<typeof ReportReviewSchema>;

/** An enlace's status report on a node its organisation is responsible for. */
export const NodeStatusReportSchema = z.object({
  planNodeId: requiredId('Elija un elemento del plan.'),
  status: z.string().trim().min(1).max(40),
  progress: Progress.nullish().transform((v) => v ?? null),
  comment: optionalText(2000),
});
export type NodeStatusReportInput = z.input<typeof NodeStatusReportSchema>;

export const DashboardFilterSchema = z.object({
  from: z.coerce.number().int().min(1900).max(2100).optional(),
  to: z.coerce.number().int().min(1900).max(2100).optional(),
  kind: z.enum(ACTIVITY_KINDS).optional(),
  stateCode: StateCodeSchema.optional(),
});
export type DashboardFilter = z.output<typeof DashboardFilterSchema>;

/** The tables behind the dashboard's charts, each downloadable. */
export const DASHBOARD_TABLES = ['byState', 'byYear', 'byKind'] as const;
export type DashboardTable = (typeof DASHBOARD_TABLES)[number];

export const DashboardTableQuerySchema = DashboardFilterSchema.extend({
  table: z.enum(DASHBOARD_TABLES),
  format: z.enum(['csv', 'xlsx']).default('csv'),
});
