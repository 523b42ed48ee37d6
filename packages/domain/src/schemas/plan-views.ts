/** What the API returns for plans, activities, indicators, reporting and dashboards (outputs only; see views.ts). */
import { z } from 'zod';
import { ACTIVITY_KINDS, DATE_PRECISIONS, PERIODICITIES, PLAN_NODE_KINDS, PlanStatusSchema, REPORT_STATUSES, SEXES } from './plans.js';
import { PlanAbilitiesSchema, RecordAbilitiesSchema, ReportAbilitiesSchema, ReportingPeriodAbilitiesSchema } from './abilities.js';
import { CROSS_TAB_MEASURES, OBSERVATION_FLAGS } from '../statistics/model.js';
import { orNull, viewCount, viewDate, viewId, viewInstant, viewVersion } from './view-fields.js';
import { BodyRefSchema, EvidenceViewSchema, OrganizationRefSchema, pageOf } from './views.js';

/** A percentage of the way done, 0–100. */
const progress = z.number().min(0).max(100);
const agreementRef = z.strictObject({ id: viewId, code: z.string().nullable() });
const planRef = z.strictObject({ id: viewId, name: z.string() });

export const PlanSummaryViewSchema = z
  .strictObject({
    id: viewId,
    name: z.string(),
    shortName: z.string().nullable(),
    body: BodyRefSchema,
    periodFrom: viewDate.nullable(),
    periodTo: viewDate.nullable(),
    nodeCount: viewCount,
    publishedAt: viewInstant.nullable(),
    version: viewVersion,
  })
  .meta({ id: 'PlanSummaryView', description: 'Plan, sin su árbol.' });
export type PlanSummaryView = z.infer<typeof PlanSummaryViewSchema>;

export const IndicatorSummaryViewSchema = z
  .strictObject({
    id: viewId,
    code: z.string().nullable(),
    name: z.string(),
    unit: z.string(),
    baseline: z.number().nullable(),
    target: z.number().nullable(),
    targetYear: z.number().int().nullable(),
    periodicity: z.enum(PERIODICITIES),
    formula: z.string().nullable(),
    /** The latest national value (or sum over states when only state values exist). */
    latest: z.strictObject({ period: z.string(), value: z.number() }).nullable(),
    /** Share of the way from baseline to target, 0–100, when both are known. */
    progress: progress.nullable(),
  })
  .meta({ id: 'IndicatorSummaryView', description: 'Indicador con su último valor y su avance hacia la meta.' });
export type IndicatorSummaryView = z.infer<typeof IndicatorSummaryViewSchema>;

export const PlanNodeViewSchema = z
  .strictObject({
    id: viewId,
    parentId: viewId.nullable(),
    kind: z.enum(PLAN_NODE_KINDS),
    code: z.string(),
    title: z.string(),
    status: z.string().nullable(),
    /** Progress reported on this node (leaves); null when none was reported. */
    progress: progress.nullable(),
    weight: z.number(),
    startDate: viewDate.nullable(),
    dueDate: viewDate.nullable(),
    flags: z.array(z.string()),
    responsibleOrganizations: z.array(OrganizationRefSchema),
    agreements: z.array(agreementRef),
    /** Validated activities linked to this node itself (not counting the nodes below it). */
    activityCount: viewCount,
    indicators: z.array(IndicatorSummaryViewSchema),
    version: viewVersion,
  })
  .meta({ id: 'PlanNodeView', description: 'Nodo de un plan (objetivo, línea de acción, compromiso…).' });
export type PlanNodeView = z.infer<typeof PlanNodeViewSchema>;

/** A node as the plan dashboard shows it: progress rolled up from its children, and whether it is late. */
export const PlanTreeNodeSchema = PlanNodeViewSchema.extend({
  rolledProgress: progress.nullable(),
  isLate: z.boolean(),
  get children(): z.ZodArray<typeof PlanTreeNodeSchema> {
    return z.array(PlanTreeNodeSchema);
  },
}).meta({ id: 'PlanTreeNode', description: 'Nodo del árbol del plan con el avance de lo que tiene debajo, si está retrasado, y sus hijos.' });
export type PlanTreeNode = z.infer<typeof PlanTreeNodeSchema>;

export const PlanDetailViewSchema = PlanSummaryViewSchema.extend({
  description: z.string().nullable(),
  statuses: z.array(PlanStatusSchema),
  flags: z.array(z.string()),
  /** Roots of the tree, each with its children. */
  nodes: z.array(PlanTreeNodeSchema),
  progress: progress.nullable(),
  lateCount: viewCount,
}).meta({ id: 'PlanDetailView', description: 'Plan con su árbol, estados, avance y retrasos.' });
export type PlanDetailView = z.infer<typeof PlanDetailViewSchema>;

/** A plan as the internal app shows it: its detail and what the signed-in person may do with it. */
export const PlanRecordViewSchema = PlanDetailViewSchema.extend({ abilities: PlanAbilitiesSchema }).meta({
  id: 'PlanRecordView',
  description: 'Plan con su árbol, estados, avance y retrasos, y lo que la persona puede hacer con él.',
});
export type PlanRecordView = z.infer<typeof PlanRecordViewSchema>;

export const PlanNodeStatusChangeViewSchema = z
  .strictObject({
    status: z.string().nullable(),
    progress: progress.nullable(),
    comment: z.string().nullable(),
    reportId: viewId.nullable(),
    actor: z.string(),
    at: viewInstant,
  })
  .meta({ id: 'PlanNodeStatusChangeView', description: 'Un cambio de estado o avance de un nodo: quién, cuándo y en qué reporte.' });
export type PlanNodeStatusChangeView = z.infer<typeof PlanNodeStatusChangeViewSchema>;

export const PlanNodeDetailViewSchema = PlanNodeViewSchema.extend({
  plan: planRef.extend({ statuses: z.array(PlanStatusSchema) }),
  statusHistory: z.array(PlanNodeStatusChangeViewSchema),
  abilities: RecordAbilitiesSchema,
}).meta({ id: 'PlanNodeDetailView', description: 'Nodo con los estados de su plan, su historial de estados y lo que la persona puede hacer con él.' });
export type PlanNodeDetailView = z.infer<typeof PlanNodeDetailViewSchema>;

export const PlanNodeRefSchema = z
  .strictObject({ id: viewId, planId: viewId, code: z.string(), title: z.string() })
  .meta({ id: 'PlanNodeRef', description: 'Referencia a un nodo de un plan.' });
export type PlanNodeRef = z.infer<typeof PlanNodeRefSchema>;

export const ActivityViewSchema = z
  .strictObject({
    id: viewId,
    /** The body whose secretariat answers for it. */
    body: BodyRefSchema,
    kind: z.enum(ACTIVITY_KINDS),
    title: z.string(),
    description: z.string().nullable(),
    startDate: viewDate,
    endDate: viewDate.nullable(),
    datePrecision: z.enum(DATE_PRECISIONS),
    audience: z.string().nullable(),
    events: viewCount.nullable(),
    participants: viewCount.nullable(),
    peopleReached: viewCount.nullable(),
    reachBreakdown: z.array(z.strictObject({ sex: z.enum(SEXES).nullable(), ageGroup: z.string().nullable(), count: viewCount })),
    leadOrganizations: z.array(OrganizationRefSchema),
    partnerOrganizations: z.array(OrganizationRefSchema),
    stateCodes: z.array(z.string()),
    municipalities: z.array(z.strictObject({ cvegeo: z.string(), name: z.string() })),
    planNodes: z.array(PlanNodeRefSchema),
    agreements: z.array(agreementRef),
    evidence: z.array(EvidenceViewSchema),
    report: z.strictObject({ id: viewId, status: z.enum(REPORT_STATUSES) }).nullable(),
    /** Counted on the dashboards: recorded by the secretariat, or in a report it accepted. */
    isValidated: z.boolean(),
    source: z.string().nullable(),
    flags: z.array(z.string()),
    version: viewVersion,
  })
  .meta({ id: 'ActivityView', description: 'Actividad: quién hizo qué, dónde y cuándo, con su alcance y sus vínculos.' });
export type ActivityView = z.infer<typeof ActivityViewSchema>;

export const ActivityDetailViewSchema = ActivityViewSchema.extend({ abilities: RecordAbilitiesSchema }).meta({
  id: 'ActivityDetailView',
  description: 'Actividad y lo que la persona puede hacer con ella.',
});
export type ActivityDetailView = z.infer<typeof ActivityDetailViewSchema>;

export const IndicatorValueViewSchema = z
  .strictObject({
    period: z.string(),
    stateCode: z.string().nullable(),
    disaggregation: z.string(),
    /** Null only for a dataset-backed value withheld by disclosure control (flag "suppressed") or not available. */
    value: z.number().nullable(),
    /** The dataset's mark on a dataset-backed value (suppressed, unreliable…); null for values written by hand. */
    flag: z.enum(OBSERVATION_FLAGS).nullable(),
    source: z.string().nullable(),
    notes: z.string().nullable(),
    reportId: viewId.nullable(),
  })
  .meta({ id: 'IndicatorValueView', description: 'Valor de un indicador por periodo, entidad (ninguna: nacional) y desglose ("" = total).' });
export type IndicatorValueView = z.infer<typeof IndicatorValueViewSchema>;

export const IndicatorDetailViewSchema = IndicatorSummaryViewSchema.extend({
  planNode: PlanNodeRefSchema,
  baselineYear: z.number().int().nullable(),
  source: z.string().nullable(),
  disaggregations: z.array(z.string()),
  baseIndicatorId: viewId.nullable(),
  /** A dataset-backed indicator: the query its values are read from, and the revision they come from. */
  dataSource: orNull(
    z.strictObject({
      dataset: z.strictObject({ id: viewId, name: z.string() }),
      revision: z.number().int(),
      measure: z.string(),
      kind: z.enum(CROSS_TAB_MEASURES),
      where: z.array(z.string()),
    }),
  ),
  values: z.array(IndicatorValueViewSchema),
  version: viewVersion,
}).meta({ id: 'IndicatorDetailView', description: 'Indicador con sus valores.' });
export type IndicatorDetailView = z.infer<typeof IndicatorDetailViewSchema>;

export const ReportViewSchema = z
  .strictObject({
    id: viewId,
    reportingPeriod: z.strictObject({ id: viewId, title: z.string(), periodFrom: viewDate, periodTo: viewDate, dueDate: viewDate, isClosed: z.boolean() }),
    plan: planRef,
    organization: OrganizationRefSchema,
    status: z.enum(REPORT_STATUSES),
    /** Due or sent back after the deadline. */
    isOverdue: z.boolean(),
    submittedAt: viewInstant.nullable(),
    reviewedAt: viewInstant.nullable(),
    reviewComment: z.string().nullable(),
    activityCount: viewCount,
    version: viewVersion,
  })
  .meta({ id: 'ReportView', description: 'El reporte que una organización debe por un periodo.' });
export type ReportView = z.infer<typeof ReportViewSchema>;

export const ReportDetailViewSchema = ReportViewSchema.extend({
  activities: z.array(ActivityViewSchema),
  indicatorValues: z.array(IndicatorValueViewSchema.extend({ indicatorId: viewId, indicatorName: z.string() })),
  nodeStatuses: z.array(PlanNodeStatusChangeViewSchema.extend({ planNodeId: viewId, code: z.string(), title: z.string() })),
  /** Nodes this organisation is responsible for, to report their status. */
  responsibleNodes: z.array(PlanNodeRefSchema),
  abilities: ReportAbilitiesSchema,
}).meta({ id: 'ReportDetailView', description: 'Reporte con lo que contiene, las líneas de las que la organización es responsable y lo que la persona puede hacer con él.' });
export type ReportDetailView = z.infer<typeof ReportDetailViewSchema>;

export const ReportingPeriodViewSchema = z
  .strictObject({
    id: viewId,
    plan: planRef,
    title: z.string(),
    periodFrom: viewDate,
    periodTo: viewDate,
    dueDate: viewDate,
    closedAt: viewInstant.nullable(),
    counts: z.strictObject({ due: viewCount, submitted: viewCount, accepted: viewCount, sent_back: viewCount, overdue: viewCount }),
    reports: z.array(ReportViewSchema),
    version: viewVersion,
  })
  .meta({ id: 'ReportingPeriodView', description: 'Periodo de reporte de un plan con los reportes por estado (en las listas, `reports` va vacío).' });
export type ReportingPeriodView = z.infer<typeof ReportingPeriodViewSchema>;

export const ReportingPeriodDetailViewSchema = ReportingPeriodViewSchema.extend({ abilities: ReportingPeriodAbilitiesSchema }).meta({
  id: 'ReportingPeriodDetailView',
  description: 'Periodo de reporte con sus reportes y lo que la persona puede hacer con él.',
});
export type ReportingPeriodDetailView = z.infer<typeof ReportingPeriodDetailViewSchema>;

/** Activity totals for one group (a state, a period, a kind, an organisation). */
export const ActivityTotalsSchema = z
  .strictObject({ activities: viewCount, events: z.number(), participants: z.number(), peopleReached: z.number() })
  .meta({ id: 'ActivityTotals', description: 'Actividades, eventos, participantes y personas alcanzadas de un grupo.' });
export type ActivityTotals = z.infer<typeof ActivityTotalsSchema>;

export const StateTotalsRowSchema = ActivityTotalsSchema.extend({
  stateCode: z.string(),
  population: viewCount,
  /** Participants per 100,000 inhabitants (INEGI, Censo 2020). */
  participantsPer100k: z.number(),
}).meta({ id: 'StateTotalsRow', description: 'Totales de una entidad, con participantes por 100 000 habitantes (INEGI, Censo 2020).' });
export type StateTotalsRow = z.infer<typeof StateTotalsRowSchema>;

export const PeriodTotalsRowSchema = ActivityTotalsSchema.extend({ period: z.string() }).meta({ id: 'PeriodTotalsRow', description: 'Totales de un periodo (año).' });
export type PeriodTotalsRow = z.infer<typeof PeriodTotalsRowSchema>;

export const KindTotalsRowSchema = ActivityTotalsSchema.extend({ kind: z.enum(ACTIVITY_KINDS) }).meta({ id: 'KindTotalsRow', description: 'Totales de un tipo de actividad.' });
export type KindTotalsRow = z.infer<typeof KindTotalsRowSchema>;

export const ActivityDashboardViewSchema = z
  .strictObject({
    total: ActivityTotalsSchema,
    /** Activities filed in reports the secretariat has not accepted yet; not counted above. */
    pendingReview: viewCount,
    byState: z.array(StateTotalsRowSchema),
    byYear: z.array(PeriodTotalsRowSchema),
    byKind: z.array(KindTotalsRowSchema),
  })
  .meta({ id: 'ActivityDashboardView', description: 'Tablero de actividades validadas: totales, por entidad, por año y por tipo.' });
export type ActivityDashboardView = z.infer<typeof ActivityDashboardViewSchema>;

export const OrganizationDashboardViewSchema = z
  .strictObject({
    organization: OrganizationRefSchema,
    total: ActivityTotalsSchema,
    byYear: z.array(PeriodTotalsRowSchema),
    byState: z.array(StateTotalsRowSchema),
    reports: z.array(ReportViewSchema),
    nodes: z.array(PlanNodeRefSchema.extend({ planName: z.string(), status: z.string().nullable() })),
  })
  .meta({ id: 'OrganizationDashboardView', description: 'Tablero de una organización: sus actividades validadas, sus reportes y las líneas a su cargo.' });
export type OrganizationDashboardView = z.infer<typeof OrganizationDashboardViewSchema>;

/** What a plan import created. */
export const PlanImportResultSchema = z
  .strictObject({
    plan: PlanDetailViewSchema,
    nodeCount: viewCount,
    /** What was accepted but is worth a look, e.g. a column header taken for the closest template column. */
    warnings: z.array(z.strictObject({ line: z.number().int(), field: z.string(), message: z.string() })),
  })
  .meta({ id: 'PlanImportResult', description: 'El plan importado y cuántos nodos se crearon.' });
export type PlanImportResult = z.infer<typeof PlanImportResultSchema>;

export const PlanSummaryPageSchema = pageOf(PlanSummaryViewSchema, 'PlanSummaryPage');
export const ActivityPageSchema = pageOf(ActivityViewSchema, 'ActivityPage');
export const ReportPageSchema = pageOf(ReportViewSchema, 'ReportPage');
export const ReportingPeriodPageSchema = pageOf(ReportingPeriodViewSchema, 'ReportingPeriodPage');
