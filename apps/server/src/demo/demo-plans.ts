import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  ACTIVITY_KINDS,
  ActivityCreateSchema,
  type DatePrecision,
  IndicatorCreateSchema,
  IndicatorValuesWriteSchema,
  ORGANIZATION_LEVELS,
  PLAN_NODE_KINDS,
  PlanCreateSchema,
  PlanNodeCreateSchema,
  SECTORS,
} from '@telar/domain';
import { z } from 'zod';
import type { Services } from '../services.js';

/**
 * The plans and activities the seeds describe (001, 002, 003, 004), transcribed by hand into readable
 * JSON with the line each fact comes from, and a flag wherever the source is ambiguous.
 */
const fixture = (name: string) => JSON.parse(readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8')) as unknown;

const FixtureIndicator = z.object({
  name: z.string(),
  unit: z.string(),
  baseline: z.number().nullable(),
  baselineYear: z.number().nullable(),
  target: z.number().nullable(),
  targetYear: z.number().nullable(),
  periodicity: z.enum(['annual', 'semiannual', 'quarterly', 'monthly']),
  source: z.string().nullable(),
  values: z.array(z.object({ period: z.string(), stateCode: z.string().nullable(), value: z.number(), source: z.string().nullable().optional() })),
});

interface FixtureNode {
  kind: (typeof PLAN_NODE_KINDS)[number];
  code: string;
  title: string;
  status: string | null;
  progress: number | null;
  responsible: string[];
  startDate: string | null;
  dueDate: string | null;
  flags?: string[];
  indicators?: z.infer<typeof FixtureIndicator>[];
  children?: FixtureNode[];
}

const FixtureNodeSchema: z.ZodType<FixtureNode> = z.lazy(() =>
  z.object({
    kind: z.enum(PLAN_NODE_KINDS),
    code: z.string(),
    title: z.string(),
    status: z.string().nullable(),
    progress: z.number().nullable(),
    responsible: z.array(z.string()),
    startDate: z.string().nullable(),
    dueDate: z.string().nullable(),
    flags: z.array(z.string()).optional(),
    indicators: z.array(FixtureIndicator).optional(),
    children: z.array(FixtureNodeSchema).optional(),
  }),
);

const PlansFixture = z.object({
  organizations: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      acronym: z.string().nullable(),
      sector: z.enum(SECTORS),
      level: z.enum(ORGANIZATION_LEVELS),
      stateCode: z.string().nullable(),
    }),
  ),
  plans: z.array(
    z.object({
      name: z.string(),
      shortName: z.string(),
      description: z.string().nullable(),
      ownerBody: z.string(),
      periodFrom: z.string().nullable(),
      periodTo: z.string().nullable(),
      flags: z.array(z.string()),
      nodes: z.array(FixtureNodeSchema),
    }),
  ),
});

const ActivitiesFixture = z.object({
  activities: z.array(
    z.object({
      /**
       * Acronym of the body the activity belongs to: the owner of the plan it serves; otherwise SIPINNA
       * for seeds 001 and 004 (contributions to Mexico's replies to the UN, which its Executive
       * Secretariat coordinated) and CITI for seed 002 (the Alliance 8.7 roadmap is CITI's).
       */
      body: z.string(),
      kind: z.enum(ACTIVITY_KINDS),
      title: z.string(),
      description: z.string().nullable(),
      start: z.string(),
      end: z.string().nullable(),
      lead: z.array(z.string()),
      partners: z.array(z.string()),
      states: z.array(z.string()),
      municipalities: z.array(z.string()),
      audience: z.string().nullable(),
      events: z.number().nullable(),
      participants: z.number().nullable(),
      peopleReached: z.number().nullable(),
      reach: z.array(z.object({ sex: z.enum(['female', 'male']).nullable(), ageGroup: z.string().nullable(), count: z.number() })),
      planNodes: z.array(z.object({ plan: z.string(), code: z.string() })),
      source: z.string(),
      flags: z.array(z.string()),
    }),
  ),
});

/** "2023" → 1 January 2023 with year precision; "2023-05" → 1 May 2023 with month precision. */
export function readPartialDate(value: string): { date: string; precision: DatePrecision } {
  if (/^\d{4}$/.test(value)) return { date: `${value}-01-01`, precision: 'year' };
  if (/^\d{4}-\d{2}$/.test(value)) return { date: `${value}-01`, precision: 'month' };
  return { date: value, precision: 'day' };
}

/** The last day a partial end date covers: "2023" → 31 December 2023. */
export function readPartialEndDate(value: string): string {
  if (/^\d{4}$/.test(value)) return `${value}-12-31`;
  if (/^\d{4}-\d{2}$/.test(value)) {
    const [year, month] = value.split('-').map(Number);
    return new Date(Date.UTC(year!, month!, 0)).toISOString().slice(0, 10);
  }
  return value;
}

/**
 * Loads the seeds' plans (published: they are public documents) and the activities agencies reported,
 * finding the organisations already registered by name or acronym before creating new ones.
 */
export async function loadDemoPlans(services: Services) {
  const { organizations, plans } = PlansFixture.parse(fixture('plans.json'));
  const { activities } = ActivitiesFixture.parse(fixture('activities.json'));

  const organizationIds = new Map<string, string>();
  for (const { key, ...organization } of organizations) {
    const found = await services.organizations.findExisting(organization.name, organization.acronym);
    organizationIds.set(key, found?.id ?? (await services.organizations.create({ ...organization, parentId: null })).id);
  }
  const bodies = (await services.bodies.list({}, { page: 1, pageSize: 500 })).items;
  const bodyId = (acronym: string) => bodies.find((b) => b.acronym === acronym)!.id;

  const nodeIds = new Map<string, string>();
  for (const { nodes, ownerBody, ...plan } of plans) {
    const created = await services.plans.create(PlanCreateSchema.parse({ ...plan, bodyId: bodyId(ownerBody) }));
    const addNodes = async (list: FixtureNode[], parentId: string | null) => {
      for (const { children, indicators, responsible, flags, ...node } of list) {
        const { id } = await services.plans.createNode(
          PlanNodeCreateSchema.parse({ ...node, planId: created.id, parentId, flags, responsibleOrganizationIds: responsible.map((key) => organizationIds.get(key)!) }),
        );
        nodeIds.set(`${plan.shortName}|${node.code}`, id);
        for (const { values, ...indicator } of indicators ?? []) {
          const { id: indicatorId } = await services.indicators.create(IndicatorCreateSchema.parse({ ...indicator, planNodeId: id }));
          if (values.length) await services.indicators.writeValues(indicatorId, IndicatorValuesWriteSchema.parse({ values }));
        }
        await addNodes(children ?? [], id);
      }
    };
    await addNodes(nodes, null);
    await services.plans.publish(created.id, created.version);
  }

  for (const activity of activities) {
    const start = readPartialDate(activity.start);
    await services.activities.create(
      ActivityCreateSchema.parse({
        ...activity,
        bodyId: bodyId(activity.body),
        startDate: start.date,
        endDate: activity.end ? readPartialEndDate(activity.end) : null,
        datePrecision: start.precision,
        reachBreakdown: activity.reach,
        leadOrganizationIds: activity.lead.map((key) => organizationIds.get(key)),
        partnerOrganizationIds: activity.partners.map((key) => organizationIds.get(key)),
        stateCodes: activity.states,
        municipalityCodes: activity.municipalities,
        planNodeIds: activity.planNodes.map((ref) => nodeIds.get(`${ref.plan}|${ref.code}`)),
        source: `Semilla ${activity.source}`,
      }),
    );
  }
  return { plans: plans.length, activities: activities.length };
}
