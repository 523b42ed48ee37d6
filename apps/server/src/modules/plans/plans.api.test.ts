import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context.js';
import { cellBombWorkbook } from '../../platform/documents/zip.test-support.js';

let ctx: TestContext;
let bodyId: string;
let stps: string;
let dif: string;
let planId: string;
const nodes: Record<string, string> = {};

beforeAll(async () => {
  ctx = await createTestContext();
  bodyId = (await ctx.api('POST', '/bodies', { kind: 'commission', name: 'Comisión para Poner Fin a la Violencia', acronym: 'COMPREVNNA', level: 'national' })).body.id;
  stps = (await ctx.api('POST', '/organizations', { name: 'Secretaría del Trabajo y Previsión Social', acronym: 'STPS', sector: 'government', level: 'federal' })).body.id;
  dif = (await ctx.api('POST', '/organizations', { name: 'Sistema Nacional para el Desarrollo Integral de la Familia', acronym: 'SNDIF', sector: 'government', level: 'federal' })).body.id;
  const plan = await ctx.api('POST', '/plans', {
    name: 'Plan de Acción 2019-2024 de México en la Alianza Global para Poner Fin a la Violencia',
    shortName: 'Plan de Acción 2019-2024',
    bodyId,
    periodFrom: '2019-01-01',
    periodTo: '2024-12-31',
  });
  expect(plan.status).toBe(201);
  planId = plan.body.id;
  const addNode = async (code: string, parent: string | null, fields: object = {}) => {
    const response = await ctx.api('POST', '/plan-nodes', { planId, parentId: parent ? nodes[parent] : null, kind: parent ? 'action_line' : 'axis', code, title: `Línea ${code}`, ...fields });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    nodes[code] = response.body.id;
  };
  await addNode('2', null);
  await addNode('2.2', '2', { weight: 3, progress: 100, responsibleOrganizationIds: [stps] });
  await addNode('2.6', '2', { status: 'in_progress', dueDate: '2020-12-31', responsibleOrganizationIds: [dif] });
});
afterAll(() => ctx.close());

describe('plans', () => {
  it('rolls progress up by weight and marks overdue nodes late', async () => {
    const { body: plan } = await ctx.api('GET', `/plans/${planId}`);
    const axis = plan.nodes[0];
    expect(axis.code).toBe('2');
    expect(axis.children.map((n: { code: string }) => n.code)).toEqual(['2.2', '2.6']);
    // (3 × 100 + 1 × 50 for "En curso") / 4
    expect(axis.rolledProgress).toBe(87.5);
    expect(axis.children[1].isLate).toBe(true);
    expect(plan.lateCount).toBe(1);
  });

  it('keeps each node status change with who made it and why', async () => {
    const { body: node } = await ctx.api('GET', `/plan-nodes/${nodes['2.6']}`);
    const changed = await ctx.api('PATCH', `/plan-nodes/${nodes['2.6']}`, { status: 'completed', comment: 'Protocolo publicado', version: node.version });
    expect(changed.status).toBe(200);
    expect(changed.body.statusHistory.map((h: { status: string }) => h.status)).toEqual(['in_progress', 'completed']);
    expect(changed.body.statusHistory[1]).toMatchObject({ comment: 'Protocolo publicado', actor: 'admin@prueba.telar.mx' });
    const { body: plan } = await ctx.api('GET', `/plans/${planId}`);
    expect(plan.lateCount).toBe(0);
  });

  it('refuses a status outside the plan list, a duplicate code and a parent from another plan, writing nothing', async () => {
    const bad = await ctx.api('POST', '/plan-nodes', { planId, parentId: null, kind: 'axis', code: '9', title: 'Eje', status: 'terminado' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.issues[0].path).toBe('status');
    const duplicate = await ctx.api('POST', '/plan-nodes', { planId, parentId: null, kind: 'axis', code: '2.2', title: 'Otra' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.issues[0].path).toBe('code');
    const other = await ctx.api('POST', '/plans', { name: 'Otro plan', bodyId });
    const foreign = await ctx.api('POST', '/plan-nodes', { planId: other.body.id, parentId: nodes['2'], kind: 'axis', code: '1', title: 'X' });
    expect(foreign.status).toBe(422);
    expect((await ctx.api('GET', `/plans/${other.body.id}`)).body.nodeCount).toBe(0);
  });

  it('archives a node only once nothing depends on it', async () => {
    const { body: axis } = await ctx.api('GET', `/plan-nodes/${nodes['2']}`);
    const refused = await ctx.api('POST', `/plan-nodes/${nodes['2']}/archive`, { version: axis.version });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('has_children');
    expect((await ctx.api('GET', `/plans/${planId}`)).body.nodes[0].children).toHaveLength(2);
  });

  it('computes an indicator per 100,000 inhabitants from the INEGI population', async () => {
    const base = await ctx.api('POST', '/indicators', { planNodeId: nodes['2.2'], name: 'Personas servidoras públicas capacitadas', unit: 'personas', target: 2000, disaggregations: ['sex'] });
    expect(base.status).toBe(201);
    const written = await ctx.api('PUT', `/indicators/${base.body.id}/values`, {
      values: [
        { period: '2023', stateCode: 'MX-JAL', value: 834 },
        { period: '2023', stateCode: null, value: 1502 },
        { period: '2023', stateCode: null, disaggregation: 'sex=female', value: 900 },
      ],
    });
    expect(written.status).toBe(200);
    expect(written.body.values).toHaveLength(2);
    const withBreakdowns = await ctx.api('GET', `/indicators/${base.body.id}?breakdowns=true`);
    expect(withBreakdowns.body.values.map((v: { disaggregation: string }) => v.disaggregation)).toEqual(['', 'sex=female', '']);
    expect(written.body.latest).toEqual({ period: '2023', value: 1502 });
    expect(written.body.progress).toBe(75.1);
    const rate = await ctx.api('POST', '/indicators', { planNodeId: nodes['2.2'], name: 'Capacitadas por 100 000 habitantes', unit: 'tasa', formula: 'per_100k_population', baseIndicatorId: base.body.id });
    const jalisco = rate.body.values.find((v: { stateCode: string | null }) => v.stateCode === 'MX-JAL');
    // Jalisco had 8,348,151 inhabitants in the 2020 census.
    expect(jalisco.value).toBeCloseTo((834 * 100000) / 8348151, 2);
    const refused = await ctx.api('PUT', `/indicators/${rate.body.id}/values`, { values: [{ period: '2023', value: 1 }] });
    expect(refused.status).toBe(422);
  });

  it('refuses values that do not fit the indicator, naming the row, and keeps the old ones', async () => {
    const indicator = await ctx.api('POST', '/indicators', { planNodeId: nodes['2.2'], name: 'Visitas de inspección', unit: 'visitas', periodicity: 'annual' });
    await ctx.api('PUT', `/indicators/${indicator.body.id}/values`, { values: [{ period: '2022', value: 10 }] });
    const bad = await ctx.api('PUT', `/indicators/${indicator.body.id}/values`, {
      values: [{ period: '2022', value: 99 }, { period: '2023-T1', value: 5 }, { period: '2023', disaggregation: 'sex=female', value: 1 }],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path)).toEqual(['values.1.period', 'values.2.disaggregation']);
    expect((await ctx.api('GET', `/indicators/${indicator.body.id}`)).body.values.map((v: { value: number }) => v.value)).toEqual([10]);
  });
});

describe('periodic reporting', () => {
  it('runs a period end to end: file, submit, send back, fix, resubmit, accept; the dashboard counts it only then', async () => {
    const secretariat = await ctx.signInAs([{ role: 'secretariat', bodyId }]);
    const enlace = await ctx.signInAs([{ role: 'enlace', organizationId: dif }]);
    const opened = await secretariat('POST', '/reporting-periods', { planId, title: 'Informe anual 2023', periodFrom: '2023-01-01', periodTo: '2023-12-31', dueDate: '2099-01-31' });
    expect(opened.status).toBe(201);
    expect(opened.body.reports.map((r: { organization: { acronym: string } }) => r.organization.acronym).sort()).toEqual(['SNDIF', 'STPS']);

    const owed = await enlace('GET', '/reports?mine=true');
    expect(owed.body.items).toHaveLength(1);
    const report = owed.body.items[0];
    expect(report).toMatchObject({ status: 'due', isOverdue: false, organization: { id: dif } });

    const before = (await ctx.api('GET', '/dashboards/activities?from=2023&to=2023')).body;
    const activity = await enlace('POST', '/activities', {
      kind: 'training',
      title: 'Capacitación sobre explotación sexual infantil en línea',
      startDate: '2023-03-14',
      leadOrganizationIds: [dif],
      stateCodes: ['MX-JAL', 'MX-YUC'],
      events: 2,
      participants: 120,
      planNodeIds: [nodes['2.6']],
      reportId: report.id,
    });
    expect(activity.status, JSON.stringify(activity.body)).toBe(201);
    expect(activity.body.isValidated).toBe(false);
    const statusReport = await enlace('POST', `/reports/${report.id}/node-statuses`, { planNodeId: nodes['2.6'], status: 'in_progress', progress: 60, comment: 'Avance en dos estados' });
    expect(statusReport.status, JSON.stringify(statusReport.body)).toBe(200);
    const notMine = await enlace('POST', `/reports/${report.id}/node-statuses`, { planNodeId: nodes['2.2'], status: 'completed' });
    expect(notMine.status).toBe(422);

    const pending = (await ctx.api('GET', '/dashboards/activities?from=2023&to=2023')).body;
    expect(pending.total.activities).toBe(before.total.activities);
    expect(pending.pendingReview).toBe(before.pendingReview + 1);

    const submitted = await enlace('POST', `/reports/${report.id}/submit`, { version: report.version });
    expect(submitted.body.status).toBe('submitted');
    expect((await enlace('POST', '/activities', { kind: 'forum', title: 'Foro tardío', startDate: '2023-05-01', leadOrganizationIds: [dif], reportId: report.id })).status).toBe(409);
    const toReview = await secretariat('GET', '/reports?mine=true');
    expect(toReview.body.items.map((r: { id: string }) => r.id)).toContain(report.id);

    const noComment = await secretariat('POST', `/reports/${report.id}/review`, { decision: 'send_back', version: submitted.body.version });
    expect(noComment.status).toBe(422);
    const sentBack = await secretariat('POST', `/reports/${report.id}/review`, { decision: 'send_back', comment: 'Falta el número de eventos por estado.', version: submitted.body.version });
    expect(sentBack.body).toMatchObject({ status: 'sent_back', reviewComment: 'Falta el número de eventos por estado.' });

    const fixed = await enlace('PATCH', `/activities/${activity.body.id}`, { events: 3, version: activity.body.version });
    expect(fixed.status).toBe(200);
    const resubmitted = await enlace('POST', `/reports/${report.id}/submit`, { version: sentBack.body.version });
    expect(resubmitted.body.status).toBe('submitted');
    expect((await enlace('POST', `/reports/${report.id}/review`, { decision: 'accept', version: resubmitted.body.version })).status).toBe(403);
    const accepted = await secretariat('POST', `/reports/${report.id}/review`, { decision: 'accept', version: resubmitted.body.version });
    expect(accepted.body.status).toBe('accepted');

    const after = (await ctx.api('GET', '/dashboards/activities?from=2023&to=2023')).body;
    expect(after.total.activities).toBe(before.total.activities + 1);
    expect(after.total.events).toBe(before.total.events + 3);
    expect(after.pendingReview).toBe(before.pendingReview);
    const jalisco = after.byState.find((s: { stateCode: string }) => s.stateCode === 'MX-JAL');
    expect(jalisco.participants).toBe(120);
    expect(jalisco.participantsPer100k).toBeCloseTo((120 * 100000) / 8348151, 2);
    const { body: plan } = await ctx.api('GET', `/plans/${planId}`);
    expect(plan.nodes[0].children[1]).toMatchObject({ code: '2.6', activityCount: 1, status: 'in_progress', progress: 60 });

    const history = await ctx.api('GET', `/history/report/${report.id}`);
    expect(history.body.map((h: { action: string }) => h.action)).toEqual(expect.arrayContaining(['submit', 'send_back', 'accept']));
  });

  it('keeps what an organisation files to its own lines and its own values', async () => {
    const secretariat = await ctx.signInAs([{ role: 'secretariat', bodyId }]);
    const enlace = await ctx.signInAs([{ role: 'enlace', organizationId: dif }]);
    const period = await secretariat('POST', '/reporting-periods', { planId, title: 'Segundo semestre 2025', periodFrom: '2025-07-01', periodTo: '2025-12-31', dueDate: '2099-01-31' });
    const difReport = period.body.reports.find((r: { organization: { id: string } }) => r.organization.id === dif);
    const stpsIndicator = await ctx.api('POST', '/indicators', { planNodeId: nodes['2.2'], name: 'Inspecciones', unit: 'visitas' });
    const notResponsible = await enlace('PUT', `/indicators/${stpsIndicator.body.id}/values`, { values: [{ period: '2025', value: 3 }], reportId: difReport.id });
    expect(notResponsible.status).toBe(422);
    const difIndicator = await ctx.api('POST', '/indicators', { planNodeId: nodes['2.6'], name: 'Talleres', unit: 'talleres' });
    await ctx.api('PUT', `/indicators/${difIndicator.body.id}/values`, { values: [{ period: '2024', value: 10 }] });
    const overwrite = await enlace('PUT', `/indicators/${difIndicator.body.id}/values`, { values: [{ period: '2024', value: 99 }], reportId: difReport.id });
    expect(overwrite.status).toBe(422);
    const own = await enlace('PUT', `/indicators/${difIndicator.body.id}/values`, { values: [{ period: '2025', value: 4 }], reportId: difReport.id });
    expect(own.status).toBe(200);
    expect((await enlace('PUT', `/indicators/${difIndicator.body.id}/values`, { values: [{ period: '2025', value: 5 }], reportId: difReport.id })).status).toBe(200);

    const otherPlan = await ctx.api('POST', '/plans', { name: 'Plan ajeno', bodyId });
    const foreignNode = await ctx.api('POST', '/plan-nodes', { planId: otherPlan.body.id, parentId: null, kind: 'axis', code: '1', title: 'Eje ajeno' });
    const foreign = await enlace('POST', '/activities', {
      kind: 'forum',
      title: 'Foro',
      startDate: '2025-08-01',
      leadOrganizationIds: [dif],
      planNodeIds: [foreignNode.body.id],
      reportId: difReport.id,
    });
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.issues[0].path).toBe('planNodeIds');
  });

  it('lets only the reporting organisation file into a report', async () => {
    const secretariat = await ctx.signInAs([{ role: 'secretariat', bodyId }]);
    const period = await secretariat('POST', '/reporting-periods', { planId, title: 'Primer semestre 2024', periodFrom: '2024-01-01', periodTo: '2024-06-30', dueDate: '2024-07-31' });
    const stpsReport = period.body.reports.find((r: { organization: { id: string } }) => r.organization.id === stps);
    expect(stpsReport.isOverdue).toBe(true);
    const otherEnlace = await ctx.signInAs([{ role: 'enlace', organizationId: dif }]);
    const filed = await otherEnlace('POST', '/activities', { kind: 'campaign', title: 'Campaña', startDate: '2024-02-01', leadOrganizationIds: [dif], reportId: stpsReport.id });
    expect(filed.status).toBe(403);
    const direct = await otherEnlace('POST', '/activities', { kind: 'campaign', title: 'Campaña', startDate: '2024-02-01', leadOrganizationIds: [dif], bodyId });
    expect(direct.status).toBe(403);
    const reader = await ctx.signInAs([{ role: 'reader' }]);
    expect((await reader('POST', '/reporting-periods', { planId, title: 'X', periodFrom: '2024-01-01', periodTo: '2024-06-30', dueDate: '2024-07-31' })).status).toBe(403);
  });
});

describe('activities', () => {
  it('refuses bad input with the field that is wrong and writes nothing', async () => {
    const before = (await ctx.api('GET', '/activities')).body.total;
    const cases = [
      [{ bodyId, kind: 'training', title: 'X', startDate: '2023-02-30', leadOrganizationIds: [stps] }, 'startDate'],
      [{ bodyId, kind: 'training', title: 'X', startDate: '2023-02-01', leadOrganizationIds: [] }, 'leadOrganizationIds'],
      [{ bodyId, kind: 'training', title: 'X', startDate: '2023-02-01', leadOrganizationIds: [stps], stateCodes: ['MX-XXX'] }, 'stateCodes'],
      [{ bodyId, kind: 'training', title: 'X', startDate: '2023-02-01', leadOrganizationIds: [stps], municipalityCodes: ['99999'] }, 'municipalityCodes'],
      [{ bodyId, kind: 'training', title: 'X', startDate: '2023-02-01', endDate: '2023-01-01', leadOrganizationIds: [stps] }, 'endDate'],
      [{ bodyId, kind: 'training', title: 'X', startDate: '2023-02-01', leadOrganizationIds: [stps], participants: 10, reachBreakdown: [{ sex: 'female', count: 11 }] }, 'reachBreakdown'],
    ] as const;
    for (const [input, field] of cases) {
      const response = await ctx.api('POST', '/activities', input);
      expect(response.status, field).toBe(422);
      expect(response.body.error.issues[0].path).toContain(field);
    }
    expect((await ctx.api('GET', '/activities')).body.total).toBe(before);
  });

  it('keeps the dashboard totals exact through edits and archiving', async () => {
    const totals = async () => (await ctx.api('GET', '/dashboards/activities?from=2015&to=2015&stateCode=MX-OAX')).body.total;
    const start = await totals();
    const created = await ctx.api('POST', '/activities', { bodyId, kind: 'forum', title: 'Foro estatal', startDate: '2015-06-01', leadOrganizationIds: [stps], stateCodes: ['MX-OAX'], participants: 40 });
    expect((await totals()).participants).toBe(start.participants + 40);
    const moved = await ctx.api('PATCH', `/activities/${created.body.id}`, { stateCodes: ['MX-CHP'], version: created.body.version });
    expect((await totals()).participants).toBe(start.participants);
    await ctx.api('PATCH', `/activities/${created.body.id}`, { stateCodes: ['MX-OAX'], version: moved.body.version });
    expect((await totals()).activities).toBe(start.activities + 1);
    const backwards = await ctx.api('PATCH', `/activities/${created.body.id}`, { endDate: '2015-05-31', version: moved.body.version + 1 });
    expect(backwards.status).toBe(422);
    expect(backwards.body.error.issues[0].path).toBe('endDate');
    const archived = await ctx.api('POST', `/activities/${created.body.id}/archive`, { version: moved.body.version + 1 });
    expect(archived.status).toBe(204);
    expect(await totals()).toEqual(start);
  });

  it('exports the activities as JSON, CSV and Excel with the same rows', async () => {
    const json = await ctx.api('GET', `/activities/export?format=json&organizationId=${dif}`);
    expect(json.body[0]).toEqual({
      kind: 'training',
      title: 'Capacitación sobre explotación sexual infantil en línea',
      start: '2023-03-14',
      end: null,
      organizations: ['Sistema Nacional para el Desarrollo Integral de la Familia'],
      states: ['MX-JAL', 'MX-YUC'],
      events: 3,
      participants: 120,
      peopleReached: null,
      planNodes: ['2.6'],
    });
    const csv = await ctx.api('GET', `/activities/export?format=csv&organizationId=${dif}`);
    expect(csv.body).toContain('MX-JAL; MX-YUC');
    const xlsx = await ctx.request(`/api/activities/export?format=xlsx&organizationId=${dif}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    expect(workbook.worksheets[0]!.getRow(2).getCell(2).value).toBe('Capacitación sobre explotación sexual infantil en línea');
  });
});

describe('plan import and export', () => {
  const template = (rows: string[][]) =>
    ['plan,nombre corto,código,código superior,tipo,título,estado,avance,peso,responsables,fecha de inicio,fecha límite', ...rows.map((r) => r.join(','))].join('\n');
  const importCsv = (csv: string) => {
    const form = new FormData();
    form.set('file', new File([csv], 'plan.csv'));
    form.set('bodyId', bodyId);
    return ctx.request('/api/plans/import', { method: 'POST', body: form });
  };

  it('reports every error with its line and imports nothing', async () => {
    const before = (await ctx.api('GET', '/plans')).body.total;
    const response = await importCsv(
      template([
        ['Hoja de ruta 8.7', '8.7', '1', '', 'Prioridad', 'Inspección laboral', 'En curso', '', '', 'STPS', '', ''],
        ['Hoja de ruta 8.7', '8.7', '1.1', '9', 'Próximo paso', 'Visitas', '', '', '', 'Desconocida', '31/04/2024', ''],
      ]),
    );
    expect(response.status).toBe(422);
    const issues = ((await response.json()) as { error: { issues: { path: string }[] } }).error.issues.map((i) => i.path);
    expect(issues).toEqual(expect.arrayContaining(['línea 3 · código superior', 'línea 3 · fecha de inicio']));
    expect((await ctx.api('GET', '/plans')).body.total).toBe(before);
  });

  it('answers a 4 MB zip bomb with 422 naming the limit, and keeps serving', async () => {
    const form = new FormData();
    form.set('file', new File([new Uint8Array(cellBombWorkbook())], 'plan.xlsx'));
    form.set('bodyId', bodyId);
    const response = await ctx.request('/api/plans/import', { method: 'POST', body: form });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: { issues: unknown[] } }).error.issues).toEqual([
      { path: 'file', message: 'La parte «xl/worksheets/sheet1.xml» del archivo se descomprime a más de 32 MB; divida el archivo.' },
    ]);
    expect((await ctx.api('GET', '/plans')).status).toBe(200);
  });

  it('imports a plan, exports it to Excel, and the export imports back to the same tree', async () => {
    const response = await importCsv(
      template([
        ['Hoja de ruta nacional de la Alianza 8.7', 'Hoja de ruta 8.7', 'P1', '', 'Prioridad', 'Fortalecer la inspección laboral', '', '', '', 'STPS', '', ''],
        ['Hoja de ruta nacional de la Alianza 8.7', 'Hoja de ruta 8.7', 'P1.1', 'P1', 'Próximo paso', '2000 visitas de inspección', 'Previsto', '', '2', 'STPS; SNDIF', '2024-01-01', '31/12/2025'],
      ]),
    );
    expect(response.status).toBe(201);
    const imported = (await response.json()) as { plan: { id: string; name: string }; nodeCount: number };
    expect(imported.nodeCount).toBe(2);
    const tree = (await ctx.api('GET', `/plans/${imported.plan.id}`)).body;
    expect(tree.nodes[0].children[0]).toMatchObject({ code: 'P1.1', kind: 'next_step', status: 'planned', weight: 2, dueDate: '2025-12-31' });
    expect(tree.nodes[0].children[0].responsibleOrganizations.map((o: { acronym: string }) => o.acronym).sort()).toEqual(['SNDIF', 'STPS']);

    const exported = await ctx.request(`/api/plans/${imported.plan.id}/export?format=xlsx`);
    expect(exported.headers.get('content-type')).toContain('spreadsheetml');
    const bytes = Buffer.from(await exported.arrayBuffer());
    await ctx.api('PATCH', `/plans/${imported.plan.id}`, { name: 'Hoja de ruta (versión anterior)', version: tree.version });
    const form = new FormData();
    form.set('file', new File([bytes], 'plan.xlsx'));
    form.set('bodyId', bodyId);
    const again = await ctx.request('/api/plans/import', { method: 'POST', body: form });
    expect(again.status).toBe(201);
    const reimported = (await again.json()) as { plan: { id: string } };
    const strip = (nodes: { code: string; kind: string; title: string; status: string | null; weight: number; children: unknown[] }[]): unknown =>
      nodes.map((n) => ({ code: n.code, kind: n.kind, title: n.title, status: n.status, weight: n.weight, children: strip(n.children as never) }));
    expect(strip((await ctx.api('GET', `/plans/${reimported.plan.id}`)).body.nodes)).toEqual(strip(tree.nodes));

    const word = await ctx.request(`/api/plans/${imported.plan.id}/export?format=docx`);
    expect(word.status).toBe(200);
    expect(Buffer.from(await word.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
  });
});

describe('public dashboards and plans', () => {
  it('shows a plan only once published, and the dashboards without an account', async () => {
    expect((await ctx.anonymous('GET', `/public/plans/${planId}`)).status).toBe(404);
    const { body: plan } = await ctx.api('GET', `/plans/${planId}`);
    await ctx.api('POST', `/plans/${planId}/publish`, { version: plan.version });
    const published = await ctx.anonymous('GET', `/public/plans/${planId}`);
    expect(published.status).toBe(200);
    expect(published.body.nodes[0].children[0].responsibleOrganizations[0]).toEqual({ id: stps, name: 'Secretaría del Trabajo y Previsión Social', acronym: 'STPS' });
    const dashboard = await ctx.anonymous('GET', '/public/dashboards/activities?from=2023&to=2023');
    expect(dashboard.body.byState).toHaveLength(32);
    const csv = await ctx.anonymous('GET', '/public/dashboards/activities/table?table=byState&format=csv&from=2023&to=2023');
    expect(csv.body).toContain('Jalisco');
    expect((await ctx.anonymous('GET', '/dashboards/activities')).status).toBe(401);
    const current = (await ctx.api('GET', `/plans/${planId}`)).body;
    await ctx.api('POST', `/plans/${planId}/archive`, { version: current.version });
    expect((await ctx.anonymous('GET', `/public/plans/${planId}`)).status).toBe(404);
  });
});
