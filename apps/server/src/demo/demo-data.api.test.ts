import { addDays, formatSpanishDate } from '@telar/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/test-context.js';
import { runNotifications } from '../modules/notifications/index.js';
import { loadDemoData } from './demo-data.js';
import { DEMO_BUDGET_DATASET, DEMO_CRIME_TABLES_DATASET, DEMO_VICTIMS_DATASET } from './demo-statistics.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  await loadDemoData(ctx.handle.db);
}, 120_000);
afterAll(() => ctx.close());

describe('demo data from the seeds', () => {
  it('publishes the six plans the seeds describe, with their codes', async () => {
    const plans = (await ctx.anonymous('GET', '/public/plans?pageSize=50')).body.items;
    expect(plans.map((p: { shortName: string }) => p.shortName).sort()).toEqual([
      'Hoja de ruta Alianza 8.7 (País Pionero)',
      'PRONAPINNA 2020-2024',
      'Pacto por la Primera Infancia',
      'Plan de Acción 2019-2024 (Alianza Global)',
      'Plan de Trabajo CITI 2021-2024',
      'Programa de Trabajo del Grupo ESCENNA',
    ]);
    const action = plans.find((p: { shortName: string }) => p.shortName.startsWith('Plan de Acción'));
    const { body: plan } = await ctx.anonymous('GET', `/public/plans/${action.id}`);
    const codes = plan.nodes.flatMap((n: { code: string; children: { code: string }[] }) => [n.code, ...n.children.map((c) => c.code)]);
    expect(codes).toEqual(expect.arrayContaining(['2.2', '2.3', '2.6']));
    const pacto = plans.find((p: { shortName: string }) => p.shortName === 'Pacto por la Primera Infancia');
    expect((await ctx.anonymous('GET', `/public/plans/${pacto.id}`)).body.nodes).toHaveLength(10);
  });

  it('holds the questionnaires of seeds 001, 002 and 004: the UN reply published, the 8.7 exercises of 2024 and 2025, the SNDIF contribution', async () => {
    const exercises = (await ctx.api('GET', '/questionnaire-exercises?pageSize=50')).body.items as { id: string; title: string; status: string; questionCount: number; answeredCount: number; isPublished: boolean }[];
    const byTitle = (start: string) => exercises.find((e) => e.title.startsWith(start))!;
    const un = byTitle('Contribuciones del Estado mexicano');
    expect(un).toMatchObject({ status: 'closed', questionCount: 9, answeredCount: 9, isPublished: true });
    const { body: unDetail } = await ctx.api('GET', `/questionnaire-exercises/${un.id}`);
    expect(unDetail.reference).toBe('JAL MEX 4/2021');
    expect(unDetail.contributors).toHaveLength(5);
    expect((await ctx.anonymous('GET', `/public/questionnaire-replies/${un.id}`)).status).toBe(200);

    // 2024: the template's repeated questions over the roadmap give the seed's 34 questions, answered with its words and marks.
    const of2024 = byTitle('Alianza 8.7, informe anual 2024');
    expect(of2024).toMatchObject({ status: 'closed', questionCount: 34, answeredCount: 31 });
    const consolidation2024 = (await ctx.api('GET', `/questionnaire-exercises/${of2024.id}/consolidation`)).body.questions as { question: { number: string; text: string; planNode: { code: string } | null }; answer: { selected: string[] } }[];
    const question = (number: string) => consolidation2024.find((q) => q.question.number === number)!;
    expect(question('1').question.text).toMatch(/^Desde enero de 2024, ¿qué progresos ha logrado su país respecto de la prioridad 1 "Promover/);
    expect(question('9').question.planNode?.code).toBe('PP1');
    expect(question('9').answer.selected).toEqual(['in_progress']);
    expect(question('27').answer.selected).toHaveLength(3);

    // 2025 starts from 2024 (last year's answers proposed) and from the plan (its three next steps for 2025).
    const of2025 = byTitle('Alianza 8.7, informe anual 2025');
    expect(of2025).toMatchObject({ status: 'draft', questionCount: 36, answeredCount: 0 });
    const consolidation2025 = (await ctx.api('GET', `/questionnaire-exercises/${of2025.id}/consolidation`)).body.questions as { question: { text: string }; hasCarriedAnswer: boolean; prefill: unknown }[];
    expect(consolidation2025.filter((q) => q.hasCarriedAnswer).length).toBeGreaterThan(20);
    expect(consolidation2025.filter((q) => q.question.text.includes('próximo paso')).map((q) => q.question.text)).toEqual([
      expect.stringContaining('próximo paso 1 [«Alcanzar un alto nivel de capacitación'),
      expect.stringContaining('próximo paso 2 [«Elaboración del Plan de Trabajo 2025-2030'),
      expect.stringContaining('próximo paso 3 [«Diseño y elaboración del Programa Nacional'),
    ]);

    const sndif = byTitle('Aportación de México para el informe de la OACNUDH');
    const { body: sndifDetail } = await ctx.api('GET', `/questionnaire-exercises/${sndif.id}`);
    expect(sndifDetail.assignments).toMatchObject([{ organization: { acronym: 'SNDIF' }, status: 'accepted' }]);
  });

  it('records the activities of seeds 001 to 004 with their real figures', async () => {
    const inm = (await ctx.api('GET', `/activities?q=${encodeURIComponent('Delitos asociados a la Migración')}`)).body.items[0];
    expect(inm).toMatchObject({ kind: 'training', startDate: '2024-01-01', endDate: '2024-12-31', events: 23, participants: 1502, isValidated: true });
    expect(inm.leadOrganizations[0].acronym).toBe('INM');
    expect(inm.source).toBe('Semilla 002: línea 91');
    // It serves the Alliance 8.7 roadmap, so it is CITI's.
    expect(inm.body.acronym).toBe('CITI');
    const all = await ctx.api('GET', '/activities?pageSize=500');
    // 80 from seeds 001, 002 and 004, and the 3 achievements the Pacto reported at its assembly (seed 003).
    expect(all.body.total).toBe(83);
    const bodies = new Set(all.body.items.map((a: { body: { acronym: string | null; name: string } }) => a.body.acronym ?? a.body.name));
    expect([...bodies].sort()).toEqual(['CITI', 'COMPREVNNA', 'Pacto por la Primera Infancia', 'SIPINNA']);
    const yearOnly = all.body.items.filter((a: { datePrecision: string }) => a.datePrecision === 'year');
    expect(yearOnly.every((a: { flags: string[] }) => a.flags.length > 0)).toBe(true);
    // Every organisation named in seed 000 and in the plans is registered once.
    const dif = await ctx.api('GET', `/organizations?q=${encodeURIComponent('Desarrollo Integral de la Familia')}`);
    expect(dif.body.total).toBe(1);
  });

  it('shows the activities on the dashboard and the map', async () => {
    const dashboard = (await ctx.anonymous('GET', '/public/dashboards/activities')).body;
    expect(dashboard.total.activities).toBe(83);
    expect(dashboard.byYear.map((y: { period: string }) => y.period)).toEqual(expect.arrayContaining(['2021', '2024']));
    expect(dashboard.byState.some((s: { activities: number }) => s.activities > 0)).toBe(true);
  });
});

describe('statistics on the demo', () => {
  const datasetNamed = async (name: string) => {
    const list = (await ctx.api('GET', '/statistics/datasets')).body as { id: string; name: string; isPublic: boolean }[];
    return list.find((dataset) => dataset.name === name)!;
  };

  it('publishes the SESNSP child victims with rates per 100,000 children, and its public tables hide counts of 1 to 4', async () => {
    const published = (await ctx.anonymous('GET', '/public/datasets')).body as { name: string; id: string }[];
    expect(published.map((dataset) => dataset.name)).toEqual([DEMO_VICTIMS_DATASET]);
    const query = 'by=state&where=crime_subtype:Homicidio%20doloso&where=year:2024&kind=rate';
    const { body: rates } = await ctx.anonymous('GET', `/public/datasets/${published[0]!.id}/table?${query}`);
    expect(rates.margins.find((margin: { key: object }) => Object.keys(margin.key).length === 0).value).toBeCloseTo(2.49, 2);
    const { body: kidnappings } = await ctx.anonymous('GET', `/public/datasets/${published[0]!.id}/table?by=state&where=crime_type:Secuestro&where=year:2024`);
    const values = [...kidnappings.cells, ...kidnappings.margins].map((cell: { value: number | null }) => cell.value);
    expect(values.filter((value: number | null) => value !== null && value >= 1 && value <= 4)).toEqual([]);
    expect(kidnappings.suppressedCells).toBeGreaterThanOrEqual(13);
  });

  it('keeps seed 001 crime tables and seed 002 budget table as published, internal, with their inconsistencies flagged', async () => {
    const crimes = await datasetNamed(DEMO_CRIME_TABLES_DATASET);
    expect(crimes.isPublic).toBe(false);
    const { body: detail } = await ctx.api('GET', `/statistics/datasets/${crimes.id}`);
    expect(detail.revisions[0].warnings).toBeGreaterThan(0);
    const { body: totals } = await ctx.api('GET', `/statistics/datasets/${crimes.id}/table?by=period&where=crime:TOTAL_2&measure=denuncias&view=internal`);
    const of2017 = totals.cells.find((cell: { key: { period: string } }) => cell.key.period === '2017');
    expect(of2017).toMatchObject({ value: 270, flag: 'inconsistent' });

    const budget = await datasetNamed(DEMO_BUDGET_DATASET);
    const { body: budgetDetail } = await ctx.api('GET', `/statistics/datasets/${budget.id}`);
    expect(budgetDetail.observations).toBeGreaterThan(30);
    expect(budget.isPublic).toBe(false);
  });
});

describe('notifications on the demo', () => {
  it('a run a week before the example agreement is due queues one Spanish digest per concerned person, and a second run nothing', async () => {
    const [example] = (await ctx.api('GET', '/agreements?q=DEMO-AVISOS-1')).body.items;
    const weekBefore = addDays(example.dueDate, -7);
    const first = await runNotifications(ctx.handle.db, { date: weekBefore, isDaily: true });
    expect(first).toEqual({ date: weekBefore, messages: 3, recipients: 3, skipped: 0 });

    const outbox = (await ctx.api('GET', '/outbox')).body.items;
    expect(outbox.map((m: { toAddress: string }) => m.toAddress).sort()).toEqual(['enlace.sep@demo.telar.mx', 'enlace.sndif@demo.telar.mx', 'secretaria.comse@demo.telar.mx']);
    for (const mail of outbox) {
      expect(mail.subject).toBe(`Telar: resumen del ${formatSpanishDate(weekBefore)} (1 aviso)`);
      const { text } = (await ctx.api('GET', `/outbox/${mail.id}`)).body;
      expect(text).toContain('Acuerdo DEMO-AVISOS-1 de COMSE: fecha de cumplimiento próxima');
      expect(text).toContain(`el ${formatSpanishDate(example.dueDate)}.`);
      expect(text).toContain(`/acuerdos/${example.id}`);
    }

    const second = await runNotifications(ctx.handle.db, { date: weekBefore, isDaily: true });
    expect(second).toMatchObject({ messages: 0, recipients: 0 });
    expect((await ctx.api('GET', '/outbox')).body.total).toBe(3);
  });
});
