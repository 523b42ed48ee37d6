import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context.js';
import { mexicoCityDay } from '@telar/domain';
import { runNotifications } from '../notifications/index.js';
import { listOfficialAnswers } from './questionnaires.repository.js';

type ApiCall = TestContext['api'];

let ctx: TestContext;
let bodyId: string;
let planId: string;
let priorityNodeId: string;
const orgs: Record<'a' | 'b' | 'c', string> = { a: '', b: '', c: '' };
let secretariat: ApiCall;
let enlaceA: ApiCall;
let enlaceB: ApiCall;
let enlaceC: ApiCall;
let templateId: string;
let exerciseId: string;
/** Exercise question ids by number. */
const questionIds: Record<string, string> = {};
const contributionOf: Record<'a' | 'b', string> = { a: '', b: '' };

const paragraph = (text: string) => ({ text: { blocks: [{ type: 'paragraph', content: [{ text }] }], footnotes: [] } });

const definition = {
  sections: [
    {
      key: 'general',
      title: 'Información general',
      questions: [
        { key: 'marco', number: '1', text: 'Describa el marco normativo vigente de {periodo}.', kind: 'open', required: true },
        {
          key: 'prioridad',
          number: '2',
          text: 'Prioridad {codigo} «{titulo}» ({estado}): ¿qué se hizo?',
          kind: 'open',
          repeat: { over: 'plan_nodes', nodeKind: 'priority' },
        },
        { key: 'presupuesto', number: '3', text: '¿Se asignó presupuesto?', kind: 'yes_no' },
      ],
    },
  ],
};

beforeAll(async () => {
  ctx = await createTestContext();
  bodyId = (await ctx.api('POST', '/bodies', { kind: 'commission', name: 'Comisión para Poner Fin a la Violencia', acronym: 'COMPREVNNA', level: 'national' })).body.id;
  const org = async (name: string, acronym: string) => (await ctx.api('POST', '/organizations', { name, acronym, sector: 'government', level: 'federal' })).body.id as string;
  orgs.a = await org('Sistema Nacional para el Desarrollo Integral de la Familia', 'SNDIF');
  orgs.b = await org('Secretaría del Trabajo y Previsión Social', 'STPS');
  orgs.c = await org('Secretaría de Salud', 'SSA');
  planId = (await ctx.api('POST', '/plans', { name: 'Hoja de ruta de la Alianza 8.7', bodyId, periodFrom: '2024-01-01', periodTo: '2025-12-31' })).body.id;
  const node = async (code: string, kind: string, parentId: string | null, status?: string) => {
    const response = await ctx.api('POST', '/plan-nodes', { planId, parentId, kind, code, title: `Línea ${code}`, ...(status ? { status } : {}) });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.id as string;
  };
  const axis = await node('1', 'axis', null);
  priorityNodeId = await node('1.1', 'priority', axis, 'in_progress');
  await node('1.2', 'priority', axis);
  secretariat = await ctx.signInAs([{ role: 'secretariat', bodyId }]);
  enlaceA = await ctx.signInAs([{ role: 'enlace', organizationId: orgs.a }]);
  enlaceB = await ctx.signInAs([{ role: 'enlace', organizationId: orgs.b }]);
  enlaceC = await ctx.signInAs([{ role: 'enlace', organizationId: orgs.c }]);
});
afterAll(() => ctx.close());

describe('questionnaire templates', () => {
  it('are written by the body secretariat, versioned only when their questions change', async () => {
    expect((await enlaceA('POST', '/questionnaire-templates', { name: 'Alianza 8.7', bodyId, definition })).status).toBe(403);
    const created = await secretariat('POST', '/questionnaire-templates', { name: 'Alianza 8.7', bodyId, definition });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    templateId = created.body.id;
    expect(created.body).toMatchObject({ currentVersion: 1, questionCount: 3, exerciseCount: 0, abilities: { edit: true, createExercise: true } });

    const renamed = await secretariat('PUT', `/questionnaire-templates/${templateId}`, { name: 'Cuestionario Alianza 8.7', version: created.body.version });
    expect(renamed.body).toMatchObject({ name: 'Cuestionario Alianza 8.7', currentVersion: 1 });
    const stale = await secretariat('PUT', `/questionnaire-templates/${templateId}`, { name: 'Otro', version: created.body.version });
    expect(stale.status).toBe(409);

    const withNote = structuredClone(definition);
    withNote.sections[0]!.questions[0]!.text = 'Describa el marco normativo vigente durante {periodo}.';
    const changed = await secretariat('PUT', `/questionnaire-templates/${templateId}`, { definition: withNote, version: renamed.body.version });
    expect(changed.status).toBe(200);
    expect(changed.body.currentVersion).toBe(2);
    expect(changed.body.versions.map((v: { number: number }) => v.number)).toEqual([2, 1]);
    expect((await enlaceA('GET', `/questionnaire-templates/${templateId}`)).body.abilities).toEqual({ edit: false, createExercise: false });
    const history = await ctx.api('GET', `/history/questionnaire_template/${templateId}`);
    expect(history.body[0].shown.fields).toEqual([expect.objectContaining({ label: 'Versión de las preguntas', before: '1', after: '2' })]);
    const listed = await enlaceA('GET', '/questionnaire-templates?q=alianza');
    expect(listed.body.items.map((t: { id: string }) => t.id)).toEqual([templateId]);
  });

  it('refuses a definition with a repeated key, naming it', async () => {
    const twice = { sections: [{ key: 's', title: 'S', questions: [definition.sections[0]!.questions[0], definition.sections[0]!.questions[0]] }] };
    const refused = await secretariat('POST', '/questionnaire-templates', { name: 'Mal', bodyId, definition: twice });
    expect(refused.status).toBe(422);
    expect(refused.body.error.issues[0].path).toBe('definition.sections.0.questions.1.key');
  });
});

describe('questionnaire exercises', () => {
  it('expand the repeated question over the plan priorities and shift the numbers after it', async () => {
    const base = { templateId, title: 'Alianza 8.7 — informe 2025', recipient: 'Alianza 8.7', bodyId, periodFrom: '2025-01-01', periodTo: '2025-12-31' };
    const noPlan = await secretariat('POST', '/questionnaire-exercises', base);
    expect(noPlan.status).toBe(422);
    expect(noPlan.body.error.issues[0].path).toBe('planId');
    expect((await enlaceA('POST', '/questionnaire-exercises', { ...base, planId })).status).toBe(403);
    const created = await secretariat('POST', '/questionnaire-exercises', { ...base, planId });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    exerciseId = created.body.id;
    const questions = created.body.questions as { id: string; number: string; text: string; planNode: { code: string } | null }[];
    expect(questions.map((q) => [q.number, q.text])).toEqual([
      ['1', 'Describa el marco normativo vigente durante enero de 2025 a diciembre de 2025.'],
      ['2', 'Prioridad 1.1 «Línea 1.1» (En curso): ¿qué se hizo?'],
      ['3', 'Prioridad 1.2 «Línea 1.2» (sin estado registrado): ¿qué se hizo?'],
      ['4', '¿Se asignó presupuesto?'],
    ]);
    expect(questions[2]!.planNode?.code).toBe('1.2');
    for (const q of questions) questionIds[q.number] = q.id;
    expect(created.body).toMatchObject({ status: 'draft', template: { version: 2 }, plan: { id: planId }, questionCount: 4, abilities: { edit: true } });
    const listed = await enlaceC('GET', '/questionnaire-exercises?q=alianza');
    expect(listed.body.items.map((e: { id: string }) => e.id)).toEqual([exerciseId]);
  });

  it('assigns question 3 to two organisations once, moving the due date when assigned again', async () => {
    const bad = await secretariat('POST', `/questionnaire-exercises/${exerciseId}/assignments`, {
      questionIds: [questionIds['3']],
      organizationIds: [orgs.a, '00000000-0000-4000-8000-000000000000'],
      dueOn: '2025-02-01',
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.issues[0].path).toBe('organizationIds.1');
    const assign = (dueOn: string) => secretariat('POST', `/questionnaire-exercises/${exerciseId}/assignments`, { questionIds: [questionIds['3'], questionIds['1']], organizationIds: [orgs.a, orgs.b], dueOn });
    expect((await assign('2020-01-31')).status).toBe(200);
    const again = await assign('2020-02-15');
    expect(again.body.assignments).toHaveLength(4);
    expect(again.body.assignments.every((a: { dueOn: string; status: string }) => a.dueOn === '2020-02-15' && a.status === 'pending')).toBe(true);
    const onQuestion1 = again.body.assignments.filter((a: { questionId: string }) => a.questionId === questionIds['1']);
    const onQuestion3 = again.body.assignments.filter((a: { questionId: string }) => a.questionId === questionIds['3']);
    for (const a of onQuestion3) contributionOf[a.organization.id === orgs.a ? 'a' : 'b'] = a.contributionId;
    // The same due date again writes nothing: an edit in progress keeps its version.
    const versionOfA = async () => (await ctx.api('GET', `/questionnaire-contributions/${contributionOf.a}`)).body.version;
    const before = await versionOfA();
    await assign('2020-02-15');
    expect(await versionOfA()).toBe(before);
    // Withdrawn while pending: question 1 stays with nobody.
    for (const a of onQuestion1) expect((await secretariat('DELETE', `/questionnaire-exercises/${exerciseId}/assignments/${a.contributionId}`)).status).toBe(204);
    // Given again with the same due date, a withdrawn assignment comes back, and its history says so.
    const [withdrawn] = onQuestion1;
    await secretariat('POST', `/questionnaire-exercises/${exerciseId}/assignments`, { questionIds: [questionIds['1']], organizationIds: [withdrawn.organization.id], dueOn: '2020-02-15' });
    const restored = (await ctx.api('GET', `/history/questionnaire_contribution/${withdrawn.contributionId}`)).body;
    expect(restored.map((entry: { action: string }) => entry.action).slice(0, 2)).toEqual(['restore', 'archive']);
    expect((await secretariat('DELETE', `/questionnaire-exercises/${exerciseId}/assignments/${withdrawn.contributionId}`)).status).toBe(204);
    expect((await ctx.api('GET', `/questionnaire-exercises/${exerciseId}`)).body.assignments).toHaveLength(2);
  });

  it('opens for contributions only forward: draft → open → closed', async () => {
    const { body } = await secretariat('GET', `/questionnaire-exercises/${exerciseId}`);
    const backwards = await secretariat('PUT', `/questionnaire-exercises/${exerciseId}`, { status: 'closed', version: body.version });
    expect(backwards.status).toBe(422);
    expect(backwards.body.error.issues[0].path).toBe('status');
    const opened = await secretariat('PUT', `/questionnaire-exercises/${exerciseId}`, { status: 'open', version: body.version });
    expect(opened.body.status).toBe('open');
  });
});

describe('contributions', () => {
  const get = (call: ApiCall, key: 'a' | 'b') => call('GET', `/questionnaire-contributions/${contributionOf[key]}`);

  it('are drafted and submitted by the organisation enlace; others are refused', async () => {
    expect((await ctx.anonymous('GET', `/questionnaire-contributions/${contributionOf.a}`)).status).toBe(401);
    const a = await get(enlaceA, 'a');
    expect(a.body).toMatchObject({ status: 'pending', isOverdue: true, abilities: { edit: true, review: false }, question: { number: '3', planNode: { code: '1.2' } } });
    expect((await enlaceC('PUT', `/questionnaire-contributions/${contributionOf.a}`, { answer: paragraph('Intruso'), version: a.body.version })).status).toBe(403);
    expect((await get(enlaceC, 'a')).body.abilities).toEqual({ edit: false, review: false });

    const pendingSubmit = await enlaceA('POST', `/questionnaire-contributions/${contributionOf.a}/submit`, { version: a.body.version });
    expect(pendingSubmit.status).toBe(422);
    expect(pendingSubmit.body.error.issues[0].path).toBe('answer');

    const drafted = await enlaceA('PUT', `/questionnaire-contributions/${contributionOf.a}`, { answer: paragraph('Se instaló la mesa interinstitucional.'), version: a.body.version });
    expect(drafted.status, JSON.stringify(drafted.body)).toBe(200);
    expect(drafted.body.status).toBe('draft');
    const stale = await enlaceA('PUT', `/questionnaire-contributions/${contributionOf.a}`, { answer: paragraph('Otra'), version: a.body.version });
    expect(stale.status).toBe(409);
    const submitted = await enlaceA('POST', `/questionnaire-contributions/${contributionOf.a}/submit`, { version: drafted.body.version });
    expect(submitted.body).toMatchObject({ status: 'submitted', isOverdue: false, abilities: { edit: false } });
    expect((await enlaceA('PUT', `/questionnaire-contributions/${contributionOf.a}`, { answer: paragraph('Cambio'), version: submitted.body.version })).body.error.code).toBe(
      'contribution_locked',
    );

    const b = await get(enlaceB, 'b');
    const unknownLink = await enlaceB('PUT', `/questionnaire-contributions/${contributionOf.b}`, {
      answer: paragraph('Inspecciones laborales en 2025.'),
      links: [{ kind: 'plan_node', id: priorityNodeId }, { kind: 'activity', id: '00000000-0000-4000-8000-000000000000' }],
      version: b.body.version,
    });
    expect(unknownLink.status).toBe(422);
    expect(unknownLink.body.error.issues[0].path).toBe('links.1.id');
    const draftedB = await enlaceB('PUT', `/questionnaire-contributions/${contributionOf.b}`, {
      answer: paragraph('Inspecciones laborales en 2025.'),
      links: [{ kind: 'plan_node', id: priorityNodeId }],
      version: b.body.version,
    });
    expect(draftedB.body.links).toEqual([{ kind: 'plan_node', id: priorityNodeId, label: '1.1 Línea 1.1' }]);
    expect((await enlaceB('POST', `/questionnaire-contributions/${contributionOf.b}/submit`, { version: draftedB.body.version })).status).toBe(200);
  });

  it('are accepted or sent back by the secretariat; accepted is locked, sent back is written again', async () => {
    const a = await get(secretariat, 'a');
    expect(a.body.abilities).toEqual({ edit: false, review: true });
    expect((await enlaceA('POST', `/questionnaire-contributions/${contributionOf.a}/send-back`, { comment: 'No', version: a.body.version })).status).toBe(403);
    const noComment = await secretariat('POST', `/questionnaire-contributions/${contributionOf.a}/send-back`, { version: a.body.version });
    expect(noComment.status).toBe(422);
    expect(noComment.body.error.issues[0].path).toBe('comment');
    const sentBack = await secretariat('POST', `/questionnaire-contributions/${contributionOf.a}/send-back`, { comment: 'Agregue fechas y participantes.', version: a.body.version });
    expect(sentBack.body).toMatchObject({ status: 'sent_back', reviewComment: 'Agregue fechas y participantes.' });
    // The enlace writes again from its own text.
    expect(sentBack.body.answer).toEqual(expect.objectContaining(paragraph('Se instaló la mesa interinstitucional.')));
    const again = await enlaceA('PUT', `/questionnaire-contributions/${contributionOf.a}`, { answer: paragraph('Se instaló la mesa el 3 de marzo de 2025.'), version: sentBack.body.version });
    expect(again.body.status).toBe('draft');

    const b = await get(secretariat, 'b');
    const accepted = await secretariat('POST', `/questionnaire-contributions/${contributionOf.b}/accept`, { version: b.body.version });
    expect(accepted.body).toMatchObject({ status: 'accepted', abilities: { edit: false, review: false } });
    const locked = await enlaceB('PUT', `/questionnaire-contributions/${contributionOf.b}`, { answer: paragraph('Cambio'), version: accepted.body.version });
    expect(locked.status).toBe(409);
    expect(locked.body.error.code).toBe('contribution_locked');
    expect((await secretariat('POST', `/questionnaire-contributions/${contributionOf.b}/send-back`, { comment: 'x', version: accepted.body.version })).status).toBe(409);
    expect((await secretariat('DELETE', `/questionnaire-exercises/${exerciseId}/assignments/${contributionOf.b}`)).status).toBe(409);

    const history = await ctx.api('GET', `/history/questionnaire_contribution/${contributionOf.a}`);
    expect(history.body.map((entry: { action: string }) => entry.action)).toEqual(['update', 'send_back', 'submit', 'update', 'update', 'create']);
    expect(history.body[1].shown.fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ label: 'Estado', before: 'Enviada a revisión', after: 'Devuelta para corregir' })]),
    );
    expect(history.body.at(-1).shown.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ label: 'Pregunta', after: '3' }),
        expect.objectContaining({ label: 'Organización', after: 'Sistema Nacional para el Desarrollo Integral de la Familia (SNDIF)' }),
        expect.objectContaining({ label: 'Estado', after: 'Pendiente' }),
      ]),
    );
    expect(history.body[0].shown.fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ label: 'Respuesta', before: 'Se instaló la mesa interinstitucional.', after: 'Se instaló la mesa el 3 de marzo de 2025.' })]),
    );
  });

  it('reminds the organisation enlaces of an overdue contribution and tells them it was sent back', async () => {
    await runNotifications(ctx.handle.db, { date: mexicoCityDay(new Date().toISOString()), isDaily: true });
    const noticesOf = async (call: ApiCall) => (await call('GET', '/notifications')).body.items as { kind: string; title: string; linkPath: string }[];
    const toA = await noticesOf(enlaceA);
    expect(toA.map((n) => n.kind).sort()).toEqual(['contribution_overdue', 'contribution_sent_back']);
    expect(toA.find((n) => n.kind === 'contribution_overdue')).toMatchObject({
      title: 'Pregunta 3 del cuestionario «Alianza 8.7 — informe 2025»: aportación vencida',
      linkPath: `/aportaciones/${contributionOf.a}`,
    });
    // STPS's contribution was accepted: nothing is owed.
    expect(await noticesOf(enlaceB)).toEqual([]);
  });

  it('refuses to submit an empty answer to a required question', async () => {
    const assigned = await secretariat('POST', `/questionnaire-exercises/${exerciseId}/assignments`, { questionIds: [questionIds['1']], organizationIds: [orgs.c], dueOn: '2099-01-01' });
    const contributionId = assigned.body.assignments.find((a: { organization: { id: string } }) => a.organization.id === orgs.c).contributionId;
    const current = await enlaceC('GET', `/questionnaire-contributions/${contributionId}`);
    const blank = await enlaceC('PUT', `/questionnaire-contributions/${contributionId}`, { answer: paragraph('   '), version: current.body.version });
    const refused = await enlaceC('POST', `/questionnaire-contributions/${contributionId}/submit`, { version: blank.body.version });
    expect(refused.status).toBe(422);
    expect(refused.body.error.issues[0]).toMatchObject({ path: 'answer', message: expect.stringContaining('obligatoria') });
    expect((await enlaceC('GET', `/questionnaire-contributions/${contributionId}`)).body.status).toBe('draft');
  });

  it('lists what each person has to write or review', async () => {
    const mineA = await enlaceA('GET', '/me/questionnaire-contributions');
    expect(mineA.body.items.map((c: { id: string; status: string }) => [c.id, c.status])).toEqual([[contributionOf.a, 'draft']]);
    expect((await enlaceB('GET', '/me/questionnaire-contributions')).body.total).toBe(0);
    const current = await enlaceA('GET', `/questionnaire-contributions/${contributionOf.a}`);
    await enlaceA('POST', `/questionnaire-contributions/${contributionOf.a}/submit`, { version: current.body.version });
    const toReview = await secretariat('GET', '/me/questionnaire-contributions');
    expect(toReview.body.items).toEqual([expect.objectContaining({ id: contributionOf.a, status: 'submitted', questionNumber: '3' })]);
  });

  it('shows the board: every question and organisation with the status counts', async () => {
    const board = await enlaceC('GET', `/questionnaire-exercises/${exerciseId}/board`);
    expect(board.status).toBe(200);
    expect(board.body.questions.map((q: { number: string }) => q.number)).toEqual(['1', '2', '3', '4']);
    // In Spanish order of their names.
    expect(board.body.organizations.map((o: { acronym: string }) => o.acronym)).toEqual(['SSA', 'STPS', 'SNDIF']);
    expect(board.body.totals).toEqual({ pending: 0, draft: 1, submitted: 1, sent_back: 0, accepted: 1 });
    expect(board.body.overdue).toBe(0);
    expect(board.body.cells).toHaveLength(3);
  });
});

describe('a following exercise', () => {
  it('carries over the previous official answers as proposals, and shows the previous answer to contributors', async () => {
    // The official answer is the consolidation's to write; here it is set directly.
    const officialText = 'Se instalaron dos mesas en 2025.';
    await ctx.handle.db.execute(sql`update exercise_questions set answer = ${JSON.stringify({ ...paragraph(officialText), selected: [], otherText: null, number: null, date: null, rows: [] })}::jsonb where id = ${questionIds['3']}`);
    expect((await listOfficialAnswers(ctx.handle.db, exerciseId)).map((a) => a.key)).toEqual(['prioridad']);

    const other = await secretariat('POST', '/questionnaire-templates', { name: 'Otra plantilla', bodyId, definition });
    const base = { title: 'Alianza 8.7 — informe 2026', bodyId, planId, periodFrom: '2026-01-01', periodTo: '2026-12-31', previousExerciseId: exerciseId };
    const mismatched = await secretariat('POST', '/questionnaire-exercises', { ...base, templateId: other.body.id });
    expect(mismatched.status).toBe(422);
    expect(mismatched.body.error.issues[0].path).toBe('previousExerciseId');

    const next = await secretariat('POST', '/questionnaire-exercises', { ...base, templateId });
    expect(next.status, JSON.stringify(next.body)).toBe(201);
    expect(next.body.previousExercise).toEqual({ id: exerciseId, title: 'Alianza 8.7 — informe 2025' });
    const carried = await ctx.handle.db.execute(sql`select number, carried_answer from exercise_questions where exercise_id = ${next.body.id} order by position`);
    const rows = (carried as unknown as { rows: { number: string; carried_answer: { text: unknown } | null }[] }).rows;
    expect(rows.map((r) => [r.number, r.carried_answer?.text ?? null])).toEqual([
      ['1', null],
      ['2', null],
      ['3', paragraph(officialText).text],
      ['4', null],
    ]);

    const question3 = next.body.questions.find((q: { number: string }) => q.number === '3').id;
    await secretariat('PUT', `/questionnaire-exercises/${next.body.id}`, { status: 'open', version: next.body.version });
    const assigned = await secretariat('POST', `/questionnaire-exercises/${next.body.id}/assignments`, { questionIds: [question3], organizationIds: [orgs.b, orgs.c], dueOn: null });
    const contributionFor = (org: string) => assigned.body.assignments.find((a: { organization: { id: string } }) => a.organization.id === org).contributionId;
    // STPS's own accepted contribution comes first; SSA, which gave none, sees the official answer.
    expect((await enlaceB('GET', `/questionnaire-contributions/${contributionFor(orgs.b)}`)).body.previousAnswer.text).toEqual(paragraph('Inspecciones laborales en 2025.').text);
    expect((await enlaceC('GET', `/questionnaire-contributions/${contributionFor(orgs.c)}`)).body.previousAnswer.text).toEqual(paragraph(officialText).text);
  });
});

describe('the board of a large exercise', () => {
  it('reads 60 questions × 30 organisations (1,800 contributions) in two statements, quickly', async () => {
    const questions = Array.from({ length: 60 }, (_, i) => ({ key: `p${i + 1}`, number: String(i + 1), text: `Pregunta ${i + 1}`, kind: 'open' }));
    const template = await secretariat('POST', '/questionnaire-templates', { name: 'Cuestionario extenso', bodyId, definition: { sections: [{ key: 's', title: 'S', questions }] } });
    const exercise = await secretariat('POST', '/questionnaire-exercises', { templateId: template.body.id, title: 'Ejercicio extenso', bodyId });
    const organizationIds: string[] = [];
    for (let i = 1; i <= 30; i++) {
      organizationIds.push((await ctx.api('POST', '/organizations', { name: `Organización número ${i}`, acronym: `ON${i}`, sector: 'government', level: 'federal' })).body.id);
    }
    const questionIdList = exercise.body.questions.map((q: { id: string }) => q.id);
    const assigned = await secretariat('POST', `/questionnaire-exercises/${exercise.body.id}/assignments`, { questionIds: questionIdList, organizationIds, dueOn: '2099-12-31' });
    expect(assigned.status, JSON.stringify(assigned.body).slice(0, 500)).toBe(200);
    expect(assigned.body.assignments).toHaveLength(1800);

    const started = performance.now();
    const board = await secretariat('GET', `/questionnaire-exercises/${exercise.body.id}/board`);
    const elapsed = performance.now() - started;
    expect(board.body.cells).toHaveLength(1800);
    expect(board.body.totals.pending).toBe(1800);
    expect(board.body.organizations).toHaveLength(30);
    // Generous for a shared test machine: it answers in about 150 ms on PGlite.
    expect(elapsed).toBeLessThan(2000);
  });
});
