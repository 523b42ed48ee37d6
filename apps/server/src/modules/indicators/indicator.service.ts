import {
  indicatorProgress,
  type IndicatorCreateSchema,
  type IndicatorDetailView,
  type IndicatorValuesWriteSchema,
  type Periodicity,
  periodMatches,
  periodStart,
} from '@telar/domain';
import type { z } from 'zod';
import { describeActor, type Actor } from '../../platform/auth/actor.js';
import { requireBodyManager, requireSignedIn } from '../../platform/auth/policy.js';
import type { Database } from '../../platform/db/client.js';
import { DomainError, invalidField, notFound } from '../../platform/errors.js';
import { insertAuditEntry } from '../../platform/audit/audit.repository.js';
import { findIndicator, findIndicatorView, findValuesAt, insertIndicator, listIndicatorValues, upsertIndicatorValues } from './indicator.repository.js';
import { listNodesOfOrganization } from '../plans/index.js';
import { findPlanNodeScope } from '../../platform/auth/scope.repository.js';
import { requireEditableReport } from '../reporting/index.js';
import { auditCreate } from '../../platform/records/versioned-write.js';
import { readDatasetValues, validateDatasetSource } from './indicator-dataset.js';

type ValuesInput = z.output<typeof IndicatorValuesWriteSchema>;

/** Every value must fit the indicator: its periodicity, its breakdowns, no two for the same cell. */
function validateValues(indicator: { periodicity: string; disaggregations: string[] }, values: ValuesInput['values']) {
  const issues: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  values.forEach((value, i) => {
    if (!periodMatches(indicator.periodicity as Periodicity, value.period)) {
      issues.push({ path: `values.${i}.period`, message: `El periodo ${value.period} no corresponde a la periodicidad del indicador.` });
    }
    const dimension = value.disaggregation.split('=')[0]!;
    if (value.disaggregation && !indicator.disaggregations.includes(dimension)) {
      issues.push({ path: `values.${i}.disaggregation`, message: 'El indicador no se desglosa de esa forma.' });
    }
    const cell = `${value.period}|${value.stateCode ?? ''}|${value.disaggregation}`;
    if (seen.has(cell)) issues.push({ path: `values.${i}`, message: 'Valor repetido para el mismo periodo, entidad y desglose.' });
    seen.add(cell);
  });
  if (issues.length) throw new DomainError('validation', issues);
}

const cellLabel = (v: { period: string; stateCode: string | null; disaggregation: string }) =>
  [v.period, v.stateCode ?? 'nacional', v.disaggregation].filter(Boolean).join(' · ');

export function createIndicatorService(db: Database, actor: Actor) {
  /**
   * In a report, an organisation files values of indicators of the nodes it is responsible for, and
   * corrects only what it filed in that same report: values the secretariat or others wrote stay.
   */
  const requireReportMayFile = async (tx: Database, reportId: string, planNodeId: string, existing: { reportId: string | null }[]) => {
    const report = await requireEditableReport(tx, actor, reportId);
    const responsible = (await listNodesOfOrganization(tx, report.organizationId, report.planId)).some((node) => node.id === planNodeId);
    if (!responsible) throw invalidField('reportId', 'La organización del reporte no es responsable de la línea de este indicador.');
    if (existing.some((value) => value.reportId !== reportId)) throw invalidField('values', 'Uno de los valores ya lo registró la secretaría u otro reporte; pida a la secretaría que lo corrija.');
  };

  const read = async (id: string, withBreakdowns = false): Promise<IndicatorDetailView> => {
    const found = await findIndicatorView(db, id);
    if (!found) throw notFound();
    const { indicator, datasetSource } = found;
    const read = datasetSource
      ? await readDatasetValues(db, datasetSource)
      : { dataSource: null, latest: indicator.latest, values: await listIndicatorValues(db, indicator, { withBreakdowns }) };
    return { ...indicator, ...read, progress: indicatorProgress(indicator.baseline, indicator.target, read.latest?.value ?? null) };
  };

  return {
    /** The indicator with its totals, or with every breakdown (sex, age group) as well. */
    async get(id: string, withBreakdowns = false) {
      requireSignedIn(actor);
      return read(id, withBreakdowns);
    },

    async create({ dataSource, ...data }: z.output<typeof IndicatorCreateSchema>) {
      requireBodyManager(actor, await findPlanNodeScope(db, data.planNodeId));
      const datasetSource = dataSource && (await validateDatasetSource(db, dataSource));
      const id = await db.transaction(async (tx) => {
        if (data.baseIndicatorId) {
          const base = await findIndicator(tx, data.baseIndicatorId);
          if (!base) throw invalidField('baseIndicatorId', 'El indicador base no existe.');
          if (base.formula) throw invalidField('baseIndicatorId', 'Un indicador calculado no puede calcularse de otro calculado.');
        }
        const row = await insertIndicator(tx, { ...data, datasetId: datasetSource?.datasetId ?? null, datasetQuery: datasetSource?.query ?? null });
        await auditCreate(tx, actor, 'indicator', row.id, { ...data, dataSource });
        return row.id;
      });
      return read(id);
    },

    /**
     * Writes values by period × state × breakdown (a value already there is replaced), audited with
     * what each cell held before. Filed in a report, the report's rules apply; otherwise the plan's secretariat writes.
     */
    async writeValues(id: string, { values, reportId }: ValuesInput) {
      const indicator = await findIndicator(db, id);
      if (!indicator) throw notFound();
      if (!reportId) requireBodyManager(actor, await findPlanNodeScope(db, indicator.planNodeId));
      if (indicator.datasetId) throw new DomainError('indicator_from_dataset');
      if (indicator.formula) throw invalidField('values', 'Este indicador se calcula de otro; registre los valores en el indicador base.');
      validateValues(indicator, values);
      await db.transaction(async (tx) => {
        const existing = await findValuesAt(tx, id, values);
        if (reportId) await requireReportMayFile(tx, reportId, indicator.planNodeId, existing);
        const before = new Map(existing.map((v) => [cellLabel(v), v.value]));
        await upsertIndicatorValues(
          tx,
          values.map((v) => ({ indicatorId: id, ...v, periodStart: periodStart(v.period)!, reportId })),
        );
        const changes = Object.fromEntries(values.map((v) => [cellLabel(v), [before.get(cellLabel(v)) ?? null, v.value] as [unknown, unknown]]));
        await insertAuditEntry(tx, { actor: describeActor(actor), action: 'update', entity: 'indicator', entityId: id, changes });
      });
      return read(id);
    },
  };
}
