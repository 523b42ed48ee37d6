import {
  buildCrossTab,
  crossTabToCsv,
  crossTabToJson,
  crossTabToSdmxCsv,
  type DATASET_DOWNLOAD_FORMATS,
  FLAG_NAMES_ES,
  mexicoCityDay,
  type CrossTab,
  type CrossTabQuery,
  type CrossTabView,
  type DatasetDetailView,
  type DatasetImportFields,
  type DatasetImportResult,
  type DatasetIssue,
  type DatasetSummaryView,
  type DatasetUpdateSchema,
  type DimensionCode,
  type DimensionLevel,
  DIMENSION_LEVELS,
  FLAG_PRECEDENCE,
  flagsToMask,
  maskToFlags,
  normalizeForMatch,
  type ObservationFlag,
  needsDisclosureControl,
  type ParsedDataset,
  protectCrossTab,
  answerTablesOf,
  readAnswerTables,
  type ReplyQuestion,
  type PublicDatasetView,
  shownFlag,
  type TableCell,
  toRates,
} from '@telar/domain';
import type { z } from 'zod';
import { type Actor, describeActor } from '../../platform/auth/actor.js';
import { canManageStatistics, canViewInternalStatistics, requireDisclosureRuleEditor, requireStatisticsManager, requireSignedIn } from '../../platform/auth/policy.js';
import { insertAuditEntry } from '../../platform/audit/audit.repository.js';
import type { Database } from '../../platform/db/client.js';
import { DomainError, invalidField, notFound } from '../../platform/errors.js';
import { writeVersionedUpdate } from '../../platform/records/versioned-write.js';
import { type DownloadFile, renderTableFile } from '../../platform/documents/table-file.js';
import { readDatasetFile } from './dataset-file.js';
import { ancestorCode, codeLevel, coarserLevels, findState, hasLevel, missingParentCodes } from './dimension-levels.js';
import {
  aggregateObservations,
  type DatasetRow,
  type DatasetUpdateValues,
  findDataset,
  findDatasetByName,
  findStructure,
  insertDataset,
  insertFirstObservations,
  insertRevision,
  listDatasetRows,
  listObservations,
  listRevisions,
  lockDataset,
  MAX_DIMENSIONS,
  type ObservationRow,
  type StoredDimension,
  type StoredMeasure,
  updateDataset,
  updateImportedMetadata,
  upsertCodes,
  upsertDimensions,
  upsertMeasures,
  writeObservations,
} from './statistics.repository.js';

type Structure = { dimensions: StoredDimension[]; measures: StoredMeasure[] };

/** Who asks for a table: the portal always gets the public view of a published dataset. */
export type TableAudience = 'portal' | 'session';

/** A `by` or `where` name resolved: the dimension and the level its codes are read at (null: its own codes). */
interface ResolvedDimension {
  name: string;
  dimension: StoredDimension;
  level: DimensionLevel | null;
}

class DryRunRollback extends Error {
  constructor(readonly result: DatasetImportResult) {
    super('dry run');
  }
}

const issueView = ({ row, column, code, severity, message }: DatasetIssue) => ({ row, column, code, severity, message });

/** The level a name stands for, when it is one (`year`, `state`…). */
const asLevel = (name: string) => (DIMENSION_LEVELS as readonly string[]).includes(name) ? (name as DimensionLevel) : null;

const LEVEL_LABELS: Record<DimensionLevel, string> = { year: 'Año', quarter: 'Trimestre', month: 'Mes', state: 'Entidad', municipality: 'Municipio' };

/** Where a download's numbers come from, one line each: source, licence, cut-off, revision, the source's own words. */
function provenanceLines(dataset: DatasetRow, table: CrossTabView): string[] {
  return [
    dataset.publisher && `Fuente: ${dataset.publisher}`,
    dataset.sourceUrl && `Dirección: ${dataset.sourceUrl}`,
    dataset.licence && `Licencia: ${dataset.licence}`,
    dataset.cutoffDate && `Fecha de corte: ${dataset.cutoffDate}`,
    `Revisión ${table.revision}`,
    dataset.provenance && `Procedencia: ${dataset.provenance}`,
  ].filter((line): line is string => Boolean(line));
}

export function createStatisticsService(db: Database, actor: Actor) {
  const mayViewInternal = canViewInternalStatistics(actor);
  /** The view a caller gets: the internal one only when asked for by someone who may see it, never on the portal. */
  const viewFor = (audience: TableAudience, query: CrossTabQuery) => (audience === 'session' && mayViewInternal && query.view === 'internal' ? 'internal' : 'public');

  /** A dataset the actor may read: internal roles see every one; others only those with data (and the portal only published ones). */
  const readableDataset = async (id: string, audience: TableAudience): Promise<DatasetRow> => {
    const dataset = await findDataset(db, id);
    const visible = dataset && !dataset.archivedAt && (audience === 'portal' ? dataset.isPublic && dataset.currentRevision > 0 : mayViewInternal || dataset.currentRevision > 0);
    if (!visible) throw notFound();
    return dataset;
  };

  const resolveName = (structure: Structure, name: string, field: string): ResolvedDimension => {
    const byCode = structure.dimensions.find((d) => d.code === name);
    if (byCode) return { name, dimension: byCode, level: null };
    const level = asLevel(name);
    const dimension = level
      ? structure.dimensions.find((d) => (level === 'state' && d.kind === 'state') || (hasLevel(d.kind, level) && d.codes.some((c) => codeLevel(d.kind, c.code) === level)))
      : undefined;
    if (!dimension || !level) throw invalidField(field, `El conjunto no tiene la dimensión «${name}».`);
    return { name, dimension, level: dimension.kind === 'state' ? null : level };
  };

  /** The code a person wrote for a dimension: by code, by label (accents and case aside), a state by ISO, INEGI code or name. */
  const findCode = (resolved: ResolvedDimension, written: string) => {
    const { kind, codes } = resolved.dimension;
    const atLevel = codes.filter((c) => !resolved.level || codeLevel(kind, c.code) === resolved.level);
    const wanted = normalizeForMatch(written);
    const state = kind === 'state' || resolved.level === 'state' ? findState(written) : undefined;
    return (
      atLevel.find((c) => c.code === written.trim()) ??
      atLevel.find((c) => normalizeForMatch(c.label) === wanted || normalizeForMatch(c.code) === wanted) ??
      (state ? atLevel.find((c) => findState(c.code) === state || findState(c.label) === state) : undefined)
    );
  };

  /** `dim:code` or `dim=code` items, grouped by dimension: each resolved to the codes asked for. */
  const resolveWhere = (structure: Structure, items: string[]) => {
    const filters = new Map<StoredDimension, { resolved: ResolvedDimension; codes: DimensionCode[] }>();
    items.forEach((item, index) => {
      const match = /^([^:=]+)[:=](.+)$/.exec(item);
      const field = `where.${index}`;
      if (!match) throw invalidField(field, `Escriba el filtro como dimensión:clave («${item}»).`);
      const resolved = resolveName(structure, match[1]!.trim(), field);
      const code = findCode(resolved, match[2]!);
      if (!code) throw invalidField(field, `«${match[2]!.trim()}» no es una clave de la dimensión «${resolved.name}» (filtro «${item}»).`);
      const entry = filters.get(resolved.dimension) ?? { resolved, codes: [] };
      entry.codes.push(code);
      filters.set(resolved.dimension, entry);
    });
    return [...filters.values()];
  };

  /** The cross-tab, with the labels a download writes beside it. */
  async function computeTable(dataset: DatasetRow, query: CrossTabQuery, view: 'public' | 'internal') {
    const structure = await findStructure(db, dataset.id);
    const measure = query.measure ? structure.measures.find((m) => m.code === query.measure) : structure.measures[0];
    if (!measure) throw invalidField('measure', `El conjunto no tiene la medida «${query.measure ?? ''}».`);
    if (query.revision !== undefined && query.revision > dataset.currentRevision) throw invalidField('revision', `El conjunto tiene ${dataset.currentRevision} revisiones.`);
    const by = query.by.map((name, index) => resolveName(structure, name, `by.${index}`));
    if (new Set(by.map((b) => b.dimension)).size < by.length) throw invalidField('by', 'Pida cada dimensión una sola vez.');
    const where = resolveWhere(structure, query.where);
    if (query.kind === 'rate' && (!measure.isPersonCount || !dataset.populationDatasetId)) throw new DomainError('rate_unavailable');

    /** A code asked for stands for itself and, at a coarser level, every code it holds (2024: its months). */
    const ordinalsOf = (dimension: StoredDimension, wanted: DimensionCode[]) =>
      wanted.flatMap((code) => {
        const level = codeLevel(dimension.kind, code.code);
        if (code.isTotal || !level) return dimension.codes.filter((c) => c.code === code.code).map((c) => c.ordinal);
        return dimension.codes.filter((c) => !c.isTotal && ancestorCode(dimension.kind, c.code, level) === code.code).map((c) => c.ordinal);
      });
    const rows = await aggregateObservations(db, dataset.id, {
      measure: measure.position,
      revision: query.revision,
      by: by.map(({ dimension, level }) => ({
        position: dimension.position,
        parentOf: level ? parentMap(dimension, level) : undefined,
      })),
      where: where.map(({ resolved, codes }) => ({ position: resolved.dimension.position, ordinals: ordinalsOf(resolved.dimension, codes) })),
      // A source's own totals are never added to their parts, unless a filter asks for one.
      exclude: structure.dimensions.map((d) => ({
        position: d.position,
        ordinals: d.codes.filter((c) => c.isTotal && !where.some((w) => w.resolved.dimension === d && w.codes.some((code) => code.code === c.code))).map((c) => c.ordinal),
      })),
    });
    const codeByOrdinal = by.map(({ dimension }) => new Map(dimension.codes.map((c) => [c.ordinal, c])));
    const cells: TableCell[] = rows
      .filter((row) => row.groups.every((ordinal) => ordinal > 0))
      .map((row) => ({
        key: Object.fromEntries(by.map((b, i) => [b.name, codeByOrdinal[i]!.get(row.groups[i]!)!.code])),
        value: row.value,
        flag: row.value === null ? 'not_available' : shownFlag(maskToFlags(row.flags)),
      }));
    let table: CrossTab = buildCrossTab(
      by.map((b) => b.name),
      cells,
    );
    if (view === 'public' && needsDisclosureControl(measure)) table = protectCrossTab(table, dataset.disclosureThreshold);
    const context = tableContext(structure, by, where);
    if (query.kind === 'rate') table = toRates(table, await populationDenominator(dataset.populationDatasetId!, context));
    if (dataset.coverageDatasetId && dataset.coverageThreshold !== null) table = await flagUnreliable(table, dataset.coverageDatasetId, dataset.coverageThreshold, context);

    const entries = [...table.cells, ...table.margins];
    const crossTab: CrossTabView = {
      dataset: { id: dataset.id, name: dataset.name },
      revision: query.revision ?? dataset.currentRevision,
      measure: measure.code,
      kind: query.kind,
      view,
      disclosureThreshold: dataset.disclosureThreshold,
      dimensions: table.dimensions,
      where: Object.fromEntries(where.map(({ resolved, codes }) => [resolved.name, codes.map((c) => c.code)])),
      labels: Object.fromEntries(
        by.map((b, i) => {
          const shown = new Set(table.cells.map((cell) => cell.key[b.name]));
          return [b.name, Object.fromEntries([...codeByOrdinal[i]!.values()].filter((c) => shown.has(c.code)).map((c) => [c.code, c.label]))];
        }),
      ),
      cells: table.cells,
      margins: table.margins,
      suppressedCells: entries.filter((entry) => entry.flag === 'suppressed').length,
    };
    const dimensionLabels = Object.fromEntries(by.map((b) => [b.name, b.level ? LEVEL_LABELS[b.level] : b.dimension.label]));
    return { crossTab, dimensionLabels, measureLabel: measure.label };
  }

  /** Which dimensions of a table's keys (or its filters) say the state, the year and the sex of a cell. */
  function tableContext(structure: Structure, by: ResolvedDimension[], where: { resolved: ResolvedDimension; codes: DimensionCode[] }[]) {
    const isState = (r: ResolvedDimension) => r.dimension.kind === 'state' || r.level === 'state';
    const pick = (test: (r: ResolvedDimension) => boolean) => ({
      byName: by.find(test)?.name,
      filtered: where.find((w) => test(w.resolved))?.codes.map((c) => c.code),
    });
    const period = structure.dimensions.find((d) => d.kind === 'period');
    const yearsWithData = period ? [...new Set(period.codes.filter((c) => !c.isTotal).map((c) => c.code.slice(0, 4)))].filter((y) => /^\d{4}$/.test(y)) : [];
    return {
      state: pick(isState),
      year: pick((r) => r.dimension.kind === 'period'),
      sex: pick((r) => r.dimension.kind === 'sex'),
      yearsWithData,
    };
  }
  type TableContext = ReturnType<typeof tableContext>;

  /** The codes a cell stands for on one axis: its own code, else the filter's codes, else null (all). */
  const codesFor = (key: Record<string, string>, axis: { byName?: string; filtered?: string[] }) =>
    axis.byName && key[axis.byName] !== undefined ? [key[axis.byName]!] : (axis.filtered ?? null);

  /** A small dataset (population, coverage) as values by state INEGI code, year and sex. */
  async function readReference(datasetId: string, measureCode: string | null) {
    const structure = await findStructure(db, datasetId);
    const measure = structure.measures.find((m) => m.code === measureCode) ?? structure.measures[0];
    const axis = (kind: string) => structure.dimensions.find((d) => d.kind === kind);
    const state = axis('state');
    const period = axis('period');
    const sex = axis('sex');
    const codeOf = (dimension: StoredDimension | undefined, row: ObservationRow) => dimension?.codes.find((c) => c.ordinal === row.keys[dimension.position - 1]);
    const rows = measure ? await listObservations(db, datasetId, measure.position) : [];
    return rows.flatMap((row) => {
      const stateCode = codeOf(state, row);
      const periodCode = codeOf(period, row);
      if (row.value === null || !stateCode || stateCode.isTotal || !periodCode) return [];
      const sexCode = codeOf(sex, row);
      return [{ state: findState(stateCode.code)?.cve, year: periodCode.code.slice(0, 4), sex: sexCode ? normalizeForMatch(sexCode.code) : null, value: row.value }];
    });
  }

  async function populationDenominator(populationId: string, context: TableContext) {
    const population = await readReference(populationId, 'population');
    return (key: Record<string, string>) => {
      const states = codesFor(key, context.state)?.map((code) => findState(code)?.cve);
      const years = (codesFor(key, context.year) ?? context.yearsWithData).map((code) => code.slice(0, 4));
      const sexes = codesFor(key, context.sex)?.map(normalizeForMatch);
      const parts = population.filter(
        (p) => (!states || states.includes(p.state)) && years.includes(p.year) && (!sexes || (p.sex !== null && sexes.includes(p.sex))),
      );
      return parts.length ? parts.reduce((sum, p) => sum + p.value, 0) : null;
    };
  }

  /** Cells of a state and a year whose share of victims with a recorded age is under the threshold: unreliable. */
  async function flagUnreliable(table: CrossTab, coverageId: string, threshold: number, context: TableContext): Promise<CrossTab> {
    const coverage = new Map((await readReference(coverageId, 'pct_age_known')).map((c) => [`${c.state}|${c.year}`, c.value]));
    const precedence = (flag: ObservationFlag | null) => (flag === null ? FLAG_PRECEDENCE.length : FLAG_PRECEDENCE.indexOf(flag));
    const mark = (cell: TableCell): TableCell => {
      const states = codesFor(cell.key, context.state);
      const years = codesFor(cell.key, context.year);
      if (states?.length !== 1 || years?.length !== 1 || precedence(cell.flag) <= precedence('unreliable')) return cell;
      const share = coverage.get(`${findState(states[0]!)?.cve}|${years[0]!.slice(0, 4)}`);
      return share !== undefined && share < threshold ? { ...cell, flag: 'unreliable' } : cell;
    };
    return { dimensions: table.dimensions, cells: table.cells.map(mark), margins: table.margins.map(mark) };
  }

  function summaryOf(row: Awaited<ReturnType<typeof listDatasetRows>>[number]): DatasetSummaryView {
    return {
      id: row.id,
      name: row.name,
      description: row.description,
      publisher: row.publisher,
      observations: row.observations,
      dimensions: row.dimensionCodes,
      measures: row.measureCodes,
      currentRevision: row.currentRevision,
      isPublic: row.isPublic,
      updatedAt: row.updatedAt,
    };
  }

  async function detailOf(dataset: DatasetRow): Promise<DatasetDetailView> {
    const structure = await findStructure(db, dataset.id);
    const revisions = await listRevisions(db, dataset.id);
    const ref = async (id: string | null) => (id ? ((await findDataset(db, id)) ?? null) : null);
    const [population, coverage] = await Promise.all([ref(dataset.populationDatasetId), ref(dataset.coverageDatasetId)]);
    const manages = canManageStatistics(actor);
    return {
      id: dataset.id,
      name: dataset.name,
      description: dataset.description,
      publisher: dataset.publisher,
      sourceUrl: dataset.sourceUrl,
      licence: dataset.licence,
      cutoffDate: dataset.cutoffDate,
      retrievedDate: dataset.retrievedDate,
      provenance: dataset.provenance,
      disclosureThreshold: dataset.disclosureThreshold,
      isPublic: dataset.isPublic,
      population: population && { id: population.id, name: population.name },
      coverage: coverage && { id: coverage.id, name: coverage.name },
      coverageThreshold: dataset.coverageThreshold,
      dimensions: structure.dimensions.map((d) => ({
        code: d.code,
        label: d.label,
        kind: d.kind,
        levels: coarserLevels(d.kind, d.codes),
        codes: d.codes.map(({ code, label }) => ({ code, label })),
      })),
      measures: structure.measures.map(({ code, label, unit, scale, isPersonCount }) => ({ code, label, unit, scale, isPersonCount })),
      currentRevision: dataset.currentRevision,
      observations: revisions.find((r) => r.number === dataset.currentRevision)?.observations ?? 0,
      revisions: revisions.map((r) => ({
        number: r.number,
        createdAt: r.createdAt,
        createdBy: r.createdBy,
        fileName: r.fileName,
        observations: r.observations,
        added: r.added,
        removed: r.removed,
        changed: r.changed,
        samples: r.samples as DatasetDetailView['revisions'][number]['samples'],
        warnings: (r.warnings as unknown[]).length,
      })),
      abilities: { edit: manages, importRevision: manages, publish: manages, viewInternal: mayViewInternal },
      version: dataset.version,
      updatedAt: dataset.updatedAt,
    };
  }

  /**
   * Writes what a file held as the dataset's next revision (creating the dataset the first time) and
   * says what changed. A file identical to the current revision writes no revision: the result names
   * the current one with nothing added, removed or changed.
   */
  async function writeRevision(tx: Database, parsed: ParsedDataset, fileName: string | null, name: string) {
    const found = await findDatasetByName(tx, name);
    if (found) await lockDataset(tx, found.id);
    // Read again under the lock: another import may have written a revision meanwhile.
    const existing = found && (await findDataset(tx, found.id));
    const dataset = existing ?? (await insertDataset(tx, { ...parsed.metadata, name }));
    if (existing) await updateImportedMetadata(tx, dataset.id, parsed.metadata);
    const structure = await findStructure(tx, dataset.id);

    const dimensions = parsed.dimensions.map((parsedDimension, index) => {
      const stored = structure.dimensions.find((d) => d.code === parsedDimension.code);
      if (existing && structure.dimensions.length && !stored) {
        throw invalidField('dimensions', `El conjunto «${dataset.name}» no tiene la dimensión «${parsedDimension.code}»; tiene ${structure.dimensions.map((d) => d.code).join(', ')}.`);
      }
      const codes = [...(stored?.codes ?? [])];
      let next = codes.reduce((max, c) => Math.max(max, c.ordinal), 0);
      const known = new Map(codes.map((c) => [c.code, c]));
      const listed = [...parsedDimension.codes, ...missingParentCodes(parsedDimension.kind, parsedDimension.codes)];
      for (const code of listed) {
        const found = known.get(code.code);
        if (found) Object.assign(found, { label: code.label, isTotal: code.isTotal ?? false });
        else {
          const added = { ordinal: ++next, code: code.code, label: code.label, isTotal: code.isTotal ?? false };
          codes.push(added);
          known.set(code.code, added);
        }
      }
      return { position: stored?.position ?? index + 1, code: parsedDimension.code, label: parsedDimension.label, kind: parsedDimension.kind, codes, known };
    });
    if (existing && structure.dimensions.length && structure.dimensions.length !== dimensions.length) {
      throw invalidField('dimensions', `El conjunto «${dataset.name}» tiene las dimensiones ${structure.dimensions.map((d) => d.code).join(', ')}; el archivo trae otras.`);
    }
    const measures = parsed.measures.map((m, index) => ({
      ...m,
      position: structure.measures.find((s) => s.code === m.code)?.position ?? structure.measures.length + index + 1,
    }));
    await upsertDimensions(tx, dataset.id, dimensions);
    await upsertCodes(tx, dataset.id, dimensions.flatMap((d) => d.codes.map((c) => ({ ...c, position: d.position }))));
    await upsertMeasures(tx, dataset.id, measures);

    const measurePosition = new Map(measures.map((m) => [m.code, m.position]));
    const rows: ObservationRow[] = parsed.observations.map((observation) => {
      const keys = Array<number>(MAX_DIMENSIONS).fill(0);
      for (const d of dimensions) keys[d.position - 1] = d.known.get(observation.key[d.code]!)?.ordinal ?? 0;
      return { measure: measurePosition.get(observation.measure) ?? 0, keys, value: observation.value, flags: flagsToMask(observation.flags), comment: observation.comment };
    });
    const number = dataset.currentRevision + 1;
    const { counts, samples } = dataset.currentRevision ? await writeObservations(tx, dataset.id, number, rows) : { counts: await insertFirstObservations(tx, dataset.id, rows), samples: [] };
    const isUnchanged = dataset.currentRevision > 0 && !counts.added && !counts.removed && !counts.changed;
    if (!isUnchanged) {
      const keyOf = (keys: number[]) => Object.fromEntries(dimensions.map((d) => [d.code, d.codes.find((c) => c.ordinal === keys[d.position - 1])?.code ?? '']));
      await insertRevision(tx, {
        datasetId: dataset.id,
        number,
        createdBy: describeActor(actor),
        fileName,
        observations: rows.length,
        ...counts,
        samples: samples.map((s) => ({ key: keyOf(s.keys), measure: measures.find((m) => m.position === s.measure)?.code ?? '', before: s.before, after: s.after })),
        warnings: parsed.issues.filter((issue) => issue.severity === 'warning'),
      });
      await insertAuditEntry(tx, { actor: describeActor(actor), action: 'import', entity: 'dataset', entityId: dataset.id, changes: { currentRevision: [dataset.currentRevision, number] } });
    }
    return { datasetId: dataset.id, revision: isUnchanged ? dataset.currentRevision : number, ...counts };
  }

  async function checkReference(field: 'populationDatasetId' | 'coverageDatasetId', id: string | null | undefined, self: string) {
    if (!id) return;
    if (id === self) throw invalidField(field, 'Un conjunto no puede ser su propia referencia.');
    const reference = await findDataset(db, id);
    if (!reference) throw invalidField(field, 'El conjunto de datos elegido no existe.');
    const kinds = (await findStructure(db, id)).dimensions.map((d) => d.kind);
    if (!kinds.includes('state') || !kinds.includes('period')) throw invalidField(field, 'El conjunto elegido debe tener las dimensiones entidad y periodo.');
  }

  return {
    async list(): Promise<DatasetSummaryView[]> {
      requireSignedIn(actor);
      const rows = await listDatasetRows(db);
      return rows.filter((row) => mayViewInternal || row.currentRevision > 0).map(summaryOf);
    },

    async listPublic(): Promise<DatasetSummaryView[]> {
      const rows = await listDatasetRows(db);
      return rows.filter((row) => row.isPublic && row.currentRevision > 0).map(summaryOf);
    },

    async get(id: string): Promise<DatasetDetailView> {
      requireSignedIn(actor);
      return detailOf(await readableDataset(id, 'session'));
    },

    async getPublic(id: string): Promise<PublicDatasetView> {
      const dataset = await readableDataset(id, 'portal');
      const { abilities: _abilities, revisions: _revisions, version: _version, population: _population, coverage: _coverage, ...detail } = await detailOf(dataset);
      return { ...detail, hasRates: dataset.populationDatasetId !== null && detail.measures.some((m) => m.isPersonCount) };
    },

    /** The dataset's id from its name or id (the command line names datasets). */
    async resolveId(nameOrId: string): Promise<string> {
      const dataset = /^[0-9a-f-]{36}$/i.test(nameOrId) ? await findDataset(db, nameOrId) : await findDatasetByName(db, nameOrId);
      if (!dataset) throw notFound();
      return dataset.id;
    },

    /**
     * A cross-tab of a dataset. The portal (and anyone who may not see internal values) gets the public
     * view — counts of persons under the threshold suppressed, with secondary suppression — whatever was asked.
     */
    async crossTab(id: string, query: CrossTabQuery, audience: TableAudience): Promise<CrossTabView> {
      if (audience === 'session') requireSignedIn(actor);
      const dataset = await readableDataset(id, audience);
      return (await computeTable(dataset, query, viewFor(audience, query))).crossTab;
    },

    /** The same cross-tab as a file: CSV with its provenance in `#` lines, Excel with it below the table, JSON or SDMX-CSV. */
    async downloadTable(id: string, query: CrossTabQuery, format: (typeof DATASET_DOWNLOAD_FORMATS)[number], audience: TableAudience): Promise<DownloadFile> {
      if (audience === 'session') requireSignedIn(actor);
      const dataset = await readableDataset(id, audience);
      const { crossTab, dimensionLabels, measureLabel } = await computeTable(dataset, query, viewFor(audience, query));
      const provenance = provenanceLines(dataset, crossTab);
      const day = mexicoCityDay(new Date().toISOString());
      const stem = `${dataset.name} ${day}`;
      if (format === 'json') return { body: crossTabToJson(crossTab), contentType: 'application/json; charset=utf-8', fileName: `${stem}.json` };
      if (format === 'sdmx') {
        return { body: crossTabToSdmxCsv(crossTab, { datasetId: dataset.id, measure: crossTab.measure }), contentType: 'text/csv; charset=utf-8', fileName: `${dataset.name} SDMX ${day}.csv` };
      }
      if (format === 'csv') {
        const body = crossTabToCsv(crossTab, {
          datasetName: dataset.name,
          measureLabel,
          kind: crossTab.kind,
          view: crossTab.view,
          threshold: crossTab.disclosureThreshold,
          labels: crossTab.labels,
          dimensionLabels,
          provenance,
        });
        return { body, contentType: 'text/csv; charset=utf-8', fileName: `${stem}.csv` };
      }
      const label = (dimension: string, code: string | undefined) => (code === undefined ? 'Total' : (crossTab.labels[dimension]?.[code] ?? code));
      const rows = [...crossTab.cells, ...crossTab.margins].map((entry) => ({
        ...Object.fromEntries(crossTab.dimensions.map((dimension) => [dimension, label(dimension, entry.key[dimension])])),
        value: entry.flag === 'suppressed' ? null : entry.value,
        flag: entry.flag === null ? null : FLAG_NAMES_ES[entry.flag],
      }));
      const columns = [...crossTab.dimensions.map((dimension) => ({ key: dimension, header: dimensionLabels[dimension] ?? dimension })), { key: 'value', header: 'valor' }, { key: 'flag', header: 'marca' }];
      return renderTableFile({ title: dataset.name, columns, rows, note: provenance.join(' · ') }, 'xlsx', stem);
    },

    /**
     * What a reader made of a file, written as the dataset's next revision — or, with errors and the
     * policy `refuse`, nothing written (isRefused). A dry run does everything in a transaction it then
     * rolls back, so its counts are the ones an import would give.
     */
    async importParsed(parsed: ParsedDataset, fileName: string | null, fields: DatasetImportFields): Promise<DatasetImportResult> {
      requireStatisticsManager(actor);
      const existing = await findDatasetByName(db, fields.name);
      const errors = parsed.issues.filter((issue) => issue.severity === 'error').map(issueView);
      const warnings = parsed.issues.filter((issue) => issue.severity === 'warning').map(issueView);
      const base = {
        dataset: existing?.name ?? fields.name,
        datasetId: existing?.id ?? null,
        revision: null,
        observations: parsed.observations.length,
        dimensions: parsed.dimensions.map((d) => d.code),
        isDryRun: fields.dryRun,
        added: 0,
        removed: 0,
        changed: 0,
        warnings,
        errors,
      };
      if (errors.length && fields.policy === 'refuse') return { ...base, isRefused: true };
      if (parsed.dimensions.length > MAX_DIMENSIONS) throw invalidField('dimensions', `Un conjunto tiene hasta ${MAX_DIMENSIONS} dimensiones.`);
      if (!parsed.measures.length) throw invalidField('measure', 'El archivo no tiene una columna de valores.');
      try {
        return await db.transaction(async (tx) => {
          const written = await writeRevision(tx, parsed, fileName, fields.name);
          const result = { ...base, ...written, isRefused: false };
          if (fields.dryRun) throw new DryRunRollback({ ...result, datasetId: existing?.id ?? null, revision: null });
          return result;
        });
      } catch (error) {
        if (error instanceof DryRunRollback) return error.result;
        throw error;
      }
    },

    /** A CSV or .xlsx file, read within limits, then imported as `importParsed` does. */
    async importFile(file: { name: string; bytes: Uint8Array }, fields: DatasetImportFields): Promise<DatasetImportResult> {
      requireStatisticsManager(actor);
      return this.importParsed(await readDatasetFile(file, fields), file.name, fields);
    },

    /**
     * The tables of a question's official answer (seed 001's yearly crime tables) as the dataset's next
     * revision: read with their captions or the paragraph before them for the year, the source's totals
     * checked, imported as `importParsed` does.
     */
    async importAnswerTables(question: ReplyQuestion, fields: DatasetImportFields): Promise<DatasetImportResult> {
      requireStatisticsManager(actor);
      const tables = answerTablesOf(question.answer.text);
      if (!tables.length) throw invalidField('questionNumber', `La respuesta a la pregunta ${question.number} no tiene tablas.`);
      return this.importParsed(readAnswerTables(tables, { name: fields.name }), null, fields);
    },

    async update(id: string, input: z.output<typeof DatasetUpdateSchema>): Promise<DatasetDetailView> {
      requireStatisticsManager(actor);
      const { version, ...changes } = input;
      if (changes.disclosureThreshold !== undefined) requireDisclosureRuleEditor(actor);
      await checkReference('populationDatasetId', changes.populationDatasetId, id);
      await checkReference('coverageDatasetId', changes.coverageDatasetId, id);
      const values = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as DatasetUpdateValues;
      await db.transaction((tx) => writeVersionedUpdate(tx, actor, { entity: 'dataset', id, version, values, find: findDataset, write: updateDataset }));
      return detailOf((await findDataset(db, id))!);
    },

    async publish(id: string, version: number) {
      requireStatisticsManager(actor);
      const dataset = await findDataset(db, id);
      if (!dataset) throw notFound();
      if (!dataset.currentRevision) throw new DomainError('validation', [{ path: 'id', message: 'Importe datos antes de publicar el conjunto.' }]);
      await db.transaction((tx) => writeVersionedUpdate(tx, actor, { entity: 'dataset', id, version, values: { isPublic: true }, action: 'publish', find: findDataset, write: updateDataset }));
    },

    async unpublish(id: string, version: number) {
      requireStatisticsManager(actor);
      await db.transaction((tx) => writeVersionedUpdate(tx, actor, { entity: 'dataset', id, version, values: { isPublic: false }, action: 'unpublish', find: findDataset, write: updateDataset }));
    },
  };
}

/** For each ordinal of a dimension (1-based, index 0 unused), the ordinal of the code holding it at `level`; 0 when none does. */
function parentMap(dimension: StoredDimension, level: DimensionLevel): number[] {
  const ordinalOf = new Map(dimension.codes.map((c) => [c.code, c.ordinal]));
  const size = dimension.codes.reduce((max, c) => Math.max(max, c.ordinal), 0);
  const map = Array<number>(size + 1).fill(0);
  for (const c of dimension.codes) {
    const parent = c.isTotal ? null : ancestorCode(dimension.kind, c.code, level);
    map[c.ordinal] = parent ? (ordinalOf.get(parent) ?? 0) : 0;
  }
  // SQL arrays start at 1: drop the unused slot 0.
  return map.slice(1);
}
