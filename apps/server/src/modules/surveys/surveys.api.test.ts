import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { likertOptions } from '@telar/domain';
import { queryRows } from '../../platform/db/query.js';
import { createTestContext, type TestContext } from '../../test/test-context.js';
import { hashInvitationToken, rebuildCounts } from './index.js';

let ctx: TestContext;
const ids: Record<string, string> = {};
const rows = <T = Record<string, unknown>>(query: ReturnType<typeof sql>) => queryRows<T>(ctx.handle.db, query);
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

const definition = {
  sections: [
    {
      key: 'percepcion',
      title: 'Percepción del Pacto',
      questions: [
        {
          key: 'valor',
          number: '1',
          text: '¿Cómo percibes al Pacto?',
          kind: 'single_choice',
          required: true,
          options: [
            { key: 'alto', label: 'Genera mucho valor y permite la incidencia' },
            { key: 'medio', label: 'Aporta algo' },
            { key: 'bajo', label: 'No entiendo qué hace el Pacto' },
          ],
        },
        {
          key: 'medios',
          number: '2',
          text: '¿Por qué medios te enteras de lo que hace?',
          kind: 'multiple_choice',
          options: [
            { key: 'correo', label: 'Correo' },
            { key: 'whatsapp', label: 'WhatsApp' },
            { key: 'web', label: 'Página web' },
          ],
        },
        { key: 'anios', number: '3', text: '¿Cuántos años lleva su organización en el Pacto?', kind: 'number' },
        { key: 'comentario', number: '4', text: 'Comentarios', kind: 'open' },
      ],
    },
  ],
};

/** Members by key: state, e-mail, and dates that make some of them not current. */
const MEMBERS = {
  jal1: { stateCode: 'MX-JAL', email: 'jal1@ejemplo.mx' },
  jal2: { stateCode: 'MX-JAL', email: 'jal2@ejemplo.mx' },
  jal3: { stateCode: 'MX-JAL', email: null },
  jalGone: { stateCode: 'MX-JAL', email: 'gone@ejemplo.mx', leftOn: day(-10) },
  jalSoon: { stateCode: 'MX-JAL', email: 'soon@ejemplo.mx', joinedOn: day(30) },
  jalLapsed: { stateCode: 'MX-JAL', email: 'lapsed@ejemplo.mx' },
  oax1: { stateCode: 'MX-OAX', email: 'oax1@ejemplo.mx' },
  oax2: { stateCode: 'MX-OAX', email: 'oax2@ejemplo.mx' },
  cmx1: { stateCode: 'MX-CMX', email: 'cmx1@ejemplo.mx' },
} as const;

async function post(path: string, body: object) {
  const response = await ctx.api('POST', path, body);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id as string;
}

beforeAll(async () => {
  ctx = await createTestContext();
  ids.network = await post('/bodies', { kind: 'network', name: 'Pacto por la Primera Infancia', acronym: 'PPI', level: 'national' });
  await rows(sql`insert into networks (body_id, point_weights) values (${ids.network}, '{"assembly":3,"survey":1,"activity":2,"commission":2}'::jsonb)`);
  ids.commission = await post('/bodies', { kind: 'commission', name: 'Comisión de Salud', acronym: 'CS', level: 'national', parentId: ids.network });
  await rows(sql`insert into network_bodies (body_id, network_id, role) values (${ids.commission}, ${ids.network}, 'commission')`);
  for (const [key, member] of Object.entries(MEMBERS)) {
    ids[`org_${key}`] = await post('/organizations', { name: `Organización ${key}`, sector: key.startsWith('oax') ? 'academia' : 'civil_society', level: 'none' });
    const [row] = await rows<{ id: string }>(
      sql`insert into network_members (network_id, organization_id, state_code, sector, joined_on, left_on, contact_name, contact_email)
          values (${ids.network}, ${ids[`org_${key}`]}, ${member.stateCode}, ${key.startsWith('oax') ? 'academia' : 'civil_society'},
            ${'joinedOn' in member ? member.joinedOn : day(-400)}, ${'leftOn' in member ? member.leftOn : null}, ${`Contacto ${key}`}, ${member.email})
          returning id`,
    );
    ids[key] = row!.id;
  }
  // Its contribution of two years ago is still pending, long past the grace period: lapsed.
  await rows(sql`insert into network_contributions (member_id, year, status) values (${ids.jalLapsed}, ${new Date().getUTCFullYear() - 2}, 'pending')`);
  // The commission: jal1 and oax1 sit in it (and an organisation that is not a member of the network).
  ids.outsider = await post('/organizations', { name: 'Organización ajena', sector: 'civil_society', level: 'none' });
  for (const org of [ids.org_jal1, ids.org_oax1, ids.outsider]) await post('/memberships', { bodyId: ids.commission, organizationId: org, role: 'member' });
});
afterAll(() => ctx.close());

/** The personal link's token in each queued mail of this kind, by address. */
async function tokensByAddress(kind: string) {
  const mails = await rows<{ to_address: string; text_body: string }>(sql`select to_address, text_body from mail_outbox where kind = ${kind}`);
  return new Map(mails.map((mail) => [mail.to_address, /\/encuesta\/([A-Za-z0-9_-]{43})/.exec(mail.text_body)![1]!]));
}

const respond = (token: string, body: unknown) => ctx.anonymous('POST', `/survey-invitations/${token}/response`, body);

async function createSurvey(body: object) {
  const response = await ctx.api('POST', `/networks/${ids.network}/surveys`, { title: '¿Cómo percibes al Pacto?', definition, anonymity: 'optional', audience: { kind: 'all' }, closesAt: inDays(10), ...body });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { id: string; version: number };
}

async function openSurvey(id: string) {
  const { version } = (await ctx.api('GET', `/surveys/${id}`)).body;
  const opened = await ctx.api('POST', `/surveys/${id}/open`, { version });
  expect(opened.status, JSON.stringify(opened.body)).toBe(200);
  return opened.body as { invited: number; mailed: number; withoutEmail: number };
}

describe('a survey of the members of some states', () => {
  let surveyId: string;
  let tokens: Map<string, string>;

  it('is created as a draft, refuses a definition with kinds a survey has not (naming the question) and edits while draft', async () => {
    const bad = await ctx.api('POST', `/networks/${ids.network}/surveys`, {
      title: 'Mala',
      definition: { sections: [{ key: 's', title: 'S', questions: [{ key: 'tabla', number: '1', text: 'Tabla', kind: 'table' }] }] },
      anonymity: 'named',
      audience: { kind: 'all' },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.issues.map((issue: { path: string }) => issue.path)).toContain('definition.sections.0.questions.0.kind');
    const unknownCommission = await ctx.api('POST', `/networks/${ids.network}/surveys`, { title: 'X', definition, anonymity: 'named', audience: { kind: 'commission', commissionIds: [ids.outsider] } });
    expect(unknownCommission.status).toBe(422);
    expect(unknownCommission.body.error.issues[0].path).toBe('audience.commissionIds.0');

    const created = await createSurvey({ audience: { kind: 'states', stateCodes: ['MX-JAL'] } });
    surveyId = created.id;
    expect(created).toMatchObject({ status: 'draft', anonymity: 'optional', networkName: 'Pacto por la Primera Infancia', counts: { invited: 0, responses: 0 }, abilities: { canManage: true } });
    const edited = await ctx.api('PATCH', `/surveys/${surveyId}`, { version: created.version, audience: { kind: 'states', stateCodes: ['MX-JAL', 'MX-OAX'] } });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.audience).toEqual({ kind: 'states', stateCodes: ['MX-JAL', 'MX-OAX'] });
    const listed = await ctx.api('GET', `/networks/${ids.network}/surveys`);
    expect(listed.body).toEqual([expect.objectContaining({ id: surveyId, status: 'draft', invited: 0, responses: 0, responseRate: 0 })]);
  });

  it('opens: invites the current members of those states, mails those with an e-mail, counts those without', async () => {
    const opened = await openSurvey(surveyId);
    // jal1, jal2, jal3 (no e-mail), oax1, oax2: not the member who left, the one who joins next month, the lapsed one, nor Mexico City.
    expect(opened).toEqual({ invited: 5, mailed: 4, withoutEmail: 1 });
    const invited = await rows<{ member_id: string; token_hash: string }>(sql`select member_id, token_hash from survey_invitations where survey_id = ${surveyId}`);
    expect(invited.map((i) => i.member_id).sort()).toEqual([ids.jal1, ids.jal2, ids.jal3, ids.oax1, ids.oax2].sort());
    tokens = await tokensByAddress('survey_invitation');
    expect([...tokens.keys()].sort()).toEqual(['jal1@ejemplo.mx', 'jal2@ejemplo.mx', 'oax1@ejemplo.mx', 'oax2@ejemplo.mx']);
    // Only the hash is stored.
    expect(invited.map((i) => i.token_hash).sort()).toEqual(expect.arrayContaining([...tokens.values()].map(hashInvitationToken)));
    expect(invited.some((i) => [...tokens.values()].includes(i.token_hash))).toBe(false);
    const [mail] = await rows<{ subject: string; text_body: string; dedupe_key: string }>(sql`select subject, text_body, dedupe_key from mail_outbox where to_address = 'jal1@ejemplo.mx'`);
    expect(mail!.subject).toBe('Encuesta «¿Cómo percibes al Pacto?» (Pacto por la Primera Infancia)');
    expect(mail!.text_body).toContain('Hola, Organización jal1:');
    expect(mail!.text_body).toMatch(/Puede responder hasta el \d+ de \w+ de \d{4} a las \d+:\d{2} [ap]\. ?m\. \(hora de la Ciudad de México\)/);
    expect(mail!.dedupe_key).toMatch(/^survey_invitation:[0-9a-f-]{36}$/);

    const view = (await ctx.api('GET', `/surveys/${surveyId}`)).body;
    expect(view).toMatchObject({ status: 'open', counts: { invited: 5, responses: 0, responseRate: 0, withoutEmail: 1 } });
    expect(view.openedAt).toMatch(/Z$/);
    const frozen = await ctx.api('PATCH', `/surveys/${surveyId}`, { version: view.version, definition });
    expect(frozen.status).toBe(409);
    expect(frozen.body.error.code).toBe('survey_not_draft');
    expect((await ctx.api('POST', `/surveys/${surveyId}/open`, { version: view.version })).status).toBe(409);
    const history = await ctx.api('GET', `/history/survey/${surveyId}`);
    expect(history.status).toBe(200);
    expect(history.body.map((entry: { action: string }) => entry.action).sort()).toEqual(['create', 'update', 'update']);
    // While open, the closing moment can move, never into the past.
    const past = await ctx.api('PATCH', `/surveys/${surveyId}`, { version: view.version, closesAt: inDays(-1) });
    expect(past.status).toBe(422);
    expect(past.body.error.issues[0].path).toBe('closesAt');
    const later = await ctx.api('PATCH', `/surveys/${surveyId}`, { version: view.version, closesAt: inDays(20) });
    expect(later.status, JSON.stringify(later.body)).toBe(200);
    expect(Date.parse(later.body.closesAt)).toBeGreaterThan(Date.now() + 19 * 86_400_000);
  });

  it('shows the survey to the holder of a link, and nothing to a wrong one', async () => {
    const shown = await ctx.anonymous('GET', `/survey-invitations/${tokens.get('jal1@ejemplo.mx')}`);
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ memberName: 'Organización jal1', networkName: 'Pacto por la Primera Infancia', responded: false, survey: { status: 'open', anonymity: 'optional' } });
    expect(shown.body.survey.definition.sections[0].questions).toHaveLength(4);
    expect((await ctx.anonymous('GET', `/survey-invitations/${'x'.repeat(43)}`)).status).toBe(404);
    expect((await ctx.anonymous('GET', '/survey-invitations/corto')).status).toBe(404);
  });

  it('checks the token before reading the body: a bad token is 404 whatever the body, and the body is never read', async () => {
    const garbage = `{"answers": ${'['.repeat(1_000_000)}`;
    const badToken = await ctx.anonymousRequest(`/api/survey-invitations/${'A'.repeat(43)}/response`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: garbage });
    expect(badToken.status).toBe(404);
    expect(((await badToken.json()) as { error: { code: string } }).error.code).toBe('survey_link_invalid');
    // A stream that records whether anyone pulled from it.
    let pulled = false;
    const body = new ReadableStream({
      pull(controller) {
        pulled = true;
        controller.enqueue(new TextEncoder().encode('{"answers":{}}'));
        controller.close();
      },
    }, { highWaterMark: 0 });
    // (With its length declared: a chunked body is first counted against the 5 MB limit, as on every route, though not parsed.)
    const unread = await ctx.anonymousRequest(`/api/survey-invitations/${'B'.repeat(43)}/response`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': '14' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(unread.status).toBe(404);
    expect(pulled).toBe(false);
    // The same garbage with a good token is read, and refused as input.
    const goodToken = await ctx.anonymousRequest(`/api/survey-invitations/${tokens.get('jal2@ejemplo.mx')}/response`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: garbage });
    expect(goodToken.status).not.toBe(404);
    expect(goodToken.status).toBeGreaterThanOrEqual(400);
    expect((await rows(sql`select 1 from survey_responses where survey_id = ${surveyId}`)).length).toBe(0);
  });

  it('refuses answers that do not fit the questions, naming the question, and writes nothing', async () => {
    const missing = await respond(tokens.get('jal1@ejemplo.mx')!, { answers: { medios: { selected: ['correo'] } } });
    expect(missing.status).toBe(422);
    expect(missing.body.error.issues.map((issue: { path: string }) => issue.path).join(' ')).toContain('valor');
    const badOption = await respond(tokens.get('jal1@ejemplo.mx')!, { answers: { valor: { selected: ['enorme'] } } });
    expect(badOption.status).toBe(422);
    expect(badOption.body.error.issues.map((issue: { path: string }) => issue.path).join(' ')).toContain('valor');
    expect((await rows(sql`select 1 from survey_responses where survey_id = ${surveyId}`)).length).toBe(0);
    expect((await rows(sql`select 1 from survey_invitations where survey_id = ${surveyId} and responded`)).length).toBe(0);
  });

  it('takes a named response tied to its invitation, with the member segments, once', async () => {
    const answered = await respond(tokens.get('jal1@ejemplo.mx')!, {
      answers: { valor: { selected: ['alto'] }, medios: { selected: ['correo', 'whatsapp'] }, anios: { number: 3 }, comentario: { text: 'Genera mucho valor y permite la incidencia' } },
    });
    expect(answered.status, JSON.stringify(answered.body)).toBe(201);
    expect(answered.body).toEqual({ anonymous: false });
    const [response] = await rows<{ invitation_id: string; is_anonymous: boolean; state_code: string; sector: string; commission_ids: string[] }>(
      sql`select r.invitation_id, r.is_anonymous, r.state_code, r.sector, r.commission_ids::text[] as commission_ids from survey_responses r where r.survey_id = ${surveyId}`,
    );
    const [invitation] = await rows<{ id: string; responded: boolean }>(sql`select id, responded from survey_invitations where survey_id = ${surveyId} and member_id = ${ids.jal1}`);
    expect(response).toEqual({ invitation_id: invitation!.id, is_anonymous: false, state_code: 'MX-JAL', sector: 'civil_society', commission_ids: [ids.commission] });
    expect(invitation!.responded).toBe(true);
    // Two answers sent at once through one link: one is taken.
    const both = await Promise.all([1, 2].map(() => respond(tokens.get('jal2@ejemplo.mx')!, { answers: { valor: { selected: ['medio'] } } })));
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    await rows(sql`delete from survey_answers where response_id in (select r.id from survey_responses r join survey_invitations i on i.id = r.invitation_id where i.member_id = ${ids.jal2})`);
    await rows(sql`delete from survey_responses where invitation_id in (select id from survey_invitations where member_id = ${ids.jal2})`);
    await rows(sql`update survey_invitations set responded = false where member_id = ${ids.jal2}`);
    await rebuildCounts(ctx.handle.db, surveyId);
    const again = await respond(tokens.get('jal1@ejemplo.mx')!, { answers: { valor: { selected: ['bajo'] } } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('survey_already_answered');
    expect((await ctx.anonymous('GET', `/survey-invitations/${tokens.get('jal1@ejemplo.mx')}`)).body.responded).toBe(true);
  });

  it('takes an anonymous response that no table ties to the invitation or the member', async () => {
    const token = tokens.get('oax1@ejemplo.mx')!;
    const [invitation] = await rows<Record<string, unknown>>(sql`select * from survey_invitations where survey_id = ${surveyId} and member_id = ${ids.oax1}`);
    const before = {
      responses: await rows<{ id: string }>(sql`select id from survey_responses`),
      answers: await rows<{ id: number }>(sql`select id from survey_answers`),
      audit: (await rows<{ n: number }>(sql`select count(*)::int as n from audit_entries`))[0]!.n,
      mail: (await rows<{ n: number }>(sql`select count(*)::int as n from mail_outbox`))[0]!.n,
    };

    const answered = await respond(token, {
      anonymous: true,
      answers: { valor: { selected: ['bajo'] }, medios: { selected: ['web'] }, anios: { number: 1 }, comentario: { text: 'No entiendo qué hace el Pacto' } },
    });
    expect(answered.status, JSON.stringify(answered.body)).toBe(201);
    // The receipt says nothing but that it was anonymous: no id, no time.
    expect(answered.body).toEqual({ anonymous: true });

    const [response] = await rows<Record<string, unknown>>(sql`select * from survey_responses where id <> all(${sql.param(before.responses.map((r) => r.id))}::uuid[])`);
    // Only these columns hold anything: an added invitation_id, member_id or timestamp with a value would fail here.
    const filled = Object.entries(response!).filter(([, value]) => value !== null && !(Array.isArray(value) && value.length === 0)).map(([column]) => column).sort();
    expect(filled).toEqual(['id', 'is_anonymous', 'sector', 'state_code', 'submitted_on', 'survey_id']);
    // Fewer than 5 invited members share its state, sector or commissions: all three are generalised away.
    expect([response!.state_code, response!.sector, response!.commission_ids]).toEqual(['', '', []]);
    expect(response!.submitted_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const answers = await rows<Record<string, unknown>>(sql`select * from survey_answers where response_id = ${response!.id as string}`);
    expect(answers).toHaveLength(4);
    for (const answer of answers) {
      const answerFilled = Object.entries(answer).filter(([, value]) => value !== null).map(([column]) => column);
      expect(['id', 'survey_id', 'response_id', 'question_key', 'option_key', 'number', 'text']).toEqual(expect.arrayContaining(answerFilled));
    }

    // The invitation only learnt that it was answered: every other column is as it was.
    const [after] = await rows<Record<string, unknown>>(sql`select * from survey_invitations where id = ${invitation!.id as string}`);
    const changed = Object.keys(after!).filter((column) => JSON.stringify(after![column]) !== JSON.stringify(invitation![column]));
    expect(changed).toEqual(['responded']);

    // No value of the invitation or member appears in the response's rows, and the response's id nowhere else.
    const identifying = [invitation!.id, invitation!.member_id, invitation!.token_hash, ids.org_oax1, token].map(String);
    const responseText = JSON.stringify([response, answers]);
    for (const value of identifying) expect(responseText).not.toContain(value);
    const elsewhere = await rows<{ n: number }>(
      sql`select (select count(*) from survey_invitations i where i::text like ${`%${response!.id}%`})
               + (select count(*) from audit_entries a where a::text like ${`%${response!.id}%`} or a::text like ${`%${invitation!.id}%`})
               + (select count(*) from mail_outbox m where m::text like ${`%${response!.id}%`}) as n`,
    );
    expect(Number(elsewhere[0]!.n)).toBe(0);
    // Nothing audited, nothing mailed.
    expect((await rows<{ n: number }>(sql`select count(*)::int as n from audit_entries`))[0]!.n).toBe(before.audit);
    expect((await rows<{ n: number }>(sql`select count(*)::int as n from mail_outbox`))[0]!.n).toBe(before.mail);

    // System columns: the response was written in another transaction than the invitation's mark, and
    // every answered invitation of the survey was rewritten with that mark, so none stands out.
    const [responseXmin] = await rows<{ xmin: string }>(sql`select xmin::text from survey_responses where id = ${response!.id as string}`);
    const answeredXmins = await rows<{ xmin: string }>(sql`select distinct xmin::text from survey_invitations where survey_id = ${surveyId} and responded`);
    expect(answeredXmins).toHaveLength(1);
    expect(answeredXmins[0]!.xmin).not.toBe(responseXmin!.xmin);
    const answerXmins = await rows<{ xmin: string }>(sql`select distinct xmin::text from survey_answers where response_id = ${response!.id as string}`);
    expect(answerXmins.map((r) => r.xmin)).not.toContain(answeredXmins[0]!.xmin);

    expect((await respond(token, { anonymous: true, answers: { valor: { selected: ['alto'] } } })).status).toBe(409);
  });

  it('makes an anonymous survey anonymous whatever the respondent says, and a named one refuses anonymity', async () => {
    const named = await createSurvey({ title: 'Nominal', anonymity: 'named', audience: { kind: 'list', memberIds: [ids.cmx1] } });
    await openSurvey(named.id);
    const namedToken = (await tokensByAddress('survey_invitation')).get('cmx1@ejemplo.mx')!;
    const refused = await respond(namedToken, { anonymous: true, answers: { valor: { selected: ['alto'] } } });
    expect(refused.status).toBe(422);
    expect(refused.body.error.issues[0].path).toBe('anonymous');
  });

  it('rates by state, sector and commission follow the responses, for the coordination only', async () => {
    const rates = (await ctx.api('GET', `/surveys/${surveyId}/rates`)).body;
    expect(rates.overall).toEqual({ invited: 5, responded: 2, rate: 0.4 });
    expect(rates.byState).toEqual([
      { segment: 'MX-JAL', label: 'Jalisco', invited: 3, responded: 1, rate: 0.3333 },
      { segment: 'MX-OAX', label: 'Oaxaca', invited: 2, responded: 1, rate: 0.5 },
    ]);
    expect(rates.bySector).toEqual(expect.arrayContaining([expect.objectContaining({ segment: 'academia', invited: 2, responded: 1 })]));
    expect(rates.byCommission).toEqual([{ segment: ids.commission, label: 'Comisión de Salud', invited: 2, responded: 2, rate: 1 }]);

    await respond(tokens.get('oax2@ejemplo.mx')!, { answers: { valor: { selected: ['medio'] }, medios: { selected: ['correo', 'web'] }, anios: { number: 3 } } });
    const after = (await ctx.api('GET', `/surveys/${surveyId}/rates`)).body;
    expect(after.byState[1]).toEqual({ segment: 'MX-OAX', label: 'Oaxaca', invited: 2, responded: 2, rate: 1 });

    const reader = await ctx.signInAs([{ role: 'reader' }]);
    expect((await reader('GET', `/surveys/${surveyId}/rates`)).status).toBe(403);
    const secretariat = await ctx.signInAs([{ role: 'secretariat', bodyId: ids.network }]);
    expect((await secretariat('GET', `/surveys/${surveyId}/rates`)).status).toBe(200);
    expect((await secretariat('GET', `/surveys/${surveyId}`)).body.abilities.canManage).toBe(true);
    expect((await reader('GET', `/surveys/${surveyId}`)).body.abilities.canManage).toBe(false);
  });

  it('keeps counts equal to a recount from the answers', async () => {
    const read = () =>
      rows<Record<string, unknown>>(
        sql`select segment_kind, segment, question_key, option_key, respondents, total::float8 as total from survey_counts where survey_id = ${surveyId}
            order by segment_kind, segment, question_key, option_key`,
      );
    const running = await read();
    const count = (kind: string, segment: string, question: string, option: string) =>
      running.find((row) => row.segment_kind === kind && row.segment === segment && row.question_key === question && row.option_key === option);
    expect(count('all', '', '', '')).toMatchObject({ respondents: 3 });
    expect(count('all', '', 'medios', '')).toMatchObject({ respondents: 3 });
    expect(count('all', '', 'medios', 'correo')).toMatchObject({ respondents: 2 });
    expect(count('all', '', 'medios', 'web')).toMatchObject({ respondents: 2 });
    expect(count('all', '', 'anios', '')).toMatchObject({ respondents: 3, total: 7 });
    expect(count('all', '', 'anios', '3')).toMatchObject({ respondents: 2, total: 6 });
    // The anonymous response counts under its generalised segments (state '' and sector ''), not Oaxaca's.
    expect(count('state', 'MX-OAX', 'valor', 'bajo')).toBeUndefined();
    expect(count('state', '', 'valor', 'bajo')).toMatchObject({ respondents: 1 });
    expect(count('sector', '', '', '')).toMatchObject({ respondents: 1 });
    expect(count('commission', ids.commission!, '', '')).toMatchObject({ respondents: 1 });
    expect(count('all', '', 'comentario', '')).toMatchObject({ respondents: 2 });
    await rebuildCounts(ctx.handle.db, surveyId);
    expect(await read()).toEqual(running);
  });

  it('reminds only those who have not answered, with a new link, and counts the reminder', async () => {
    const reminded = await ctx.api('POST', `/surveys/${surveyId}/remind`);
    expect(reminded.status, JSON.stringify(reminded.body)).toBe(200);
    // jal2 has not answered; jal3 has not either but has no e-mail.
    expect(reminded.body).toEqual({ reminded: 1, withoutEmail: 1 });
    const reminders = await tokensByAddress('survey_reminder');
    expect([...reminders.keys()]).toEqual(['jal2@ejemplo.mx']);
    const [mail] = await rows<{ dedupe_key: string; subject: string }>(sql`select dedupe_key, subject from mail_outbox where kind = 'survey_reminder'`);
    expect(mail!.dedupe_key).toMatch(/^survey_reminder:[0-9a-f-]{36}:1$/);
    expect(mail!.subject).toContain('Recordatorio');
    const [invitation] = await rows<{ reminders: number; reminded_at: string | null }>(sql`select reminders, reminded_at from survey_invitations where member_id = ${ids.jal2} and survey_id = ${surveyId}`);
    expect(invitation!.reminders).toBe(1);
    expect(invitation!.reminded_at).not.toBeNull();
    expect((await ctx.anonymous('GET', `/survey-invitations/${tokens.get('jal2@ejemplo.mx')}`)).status).toBe(404);
    expect((await ctx.anonymous('GET', `/survey-invitations/${reminders.get('jal2@ejemplo.mx')}`)).status).toBe(200);
    expect((await ctx.api('POST', `/surveys/${surveyId}/remind`)).body).toEqual({ reminded: 1, withoutEmail: 1 });
    expect((await rows(sql`select 1 from mail_outbox where kind = 'survey_reminder'`)).length).toBe(2);
    // A member who has left since is not reminded.
    await rows(sql`update network_members set left_on = ${day(-1)} where id = ${ids.jal2}`);
    expect((await ctx.api('POST', `/surveys/${surveyId}/remind`)).body).toEqual({ reminded: 0, withoutEmail: 1 });
    await rows(sql`update network_members set left_on = null where id = ${ids.jal2}`);
  });

  it('refuses responses once closed, by the close route or by its date', async () => {
    const newest = (await tokensByAddress('survey_reminder')).get('jal2@ejemplo.mx');
    const [latest] = await rows<{ text_body: string }>(sql`select text_body from mail_outbox where kind = 'survey_reminder' order by created_at desc limit 1`);
    const token = /\/encuesta\/([A-Za-z0-9_-]{43})/.exec(latest!.text_body)![1]!;
    expect(newest).toBeDefined();
    await rows(sql`update surveys set closes_at = now() - interval '1 minute' where id = ${surveyId}`);
    const view = (await ctx.api('GET', `/surveys/${surveyId}`)).body;
    expect(view.status).toBe('closed');
    const late = await respond(token, { answers: { valor: { selected: ['alto'] } } });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('survey_closed');
    expect(late.body.error.message).toMatch(/^La encuesta cerró el \d+ de \w+ de \d{4} a las \d+:\d{2} [ap]\. ?m\. \(hora de la Ciudad de México\): ya no recibe respuestas\.$/);
    expect((await ctx.anonymous('GET', `/survey-invitations/${token}`)).body.survey.status).toBe('closed');

    const other = await createSurvey({ title: 'Cerrada a mano', audience: { kind: 'list', memberIds: [ids.jal2] } });
    await openSurvey(other.id);
    const [mail] = await rows<{ text_body: string }>(sql`select text_body from mail_outbox where subject like '%Cerrada a mano%'`);
    const otherToken = /\/encuesta\/([A-Za-z0-9_-]{43})/.exec(mail!.text_body)![1]!;
    const { version } = (await ctx.api('GET', `/surveys/${other.id}`)).body;
    const closed = await ctx.api('POST', `/surveys/${other.id}/close`, { version });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed' });
    expect(closed.body.closedAt).toMatch(/Z$/);
    const refused = await respond(otherToken, { answers: { valor: { selected: ['alto'] } } });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe('La encuesta está cerrada: ya no recibe respuestas.');
  });
});

describe('a survey of a commission', () => {
  it("invites the network members that sit in the commission today, not its other organisations", async () => {
    const survey = await createSurvey({ title: 'Comisión de Salud', anonymity: 'anonymous', audience: { kind: 'commission', commissionIds: [ids.commission] } });
    expect(await openSurvey(survey.id)).toEqual({ invited: 2, mailed: 2, withoutEmail: 0 });
    const invited = await rows<{ member_id: string }>(sql`select member_id from survey_invitations where survey_id = ${survey.id}`);
    expect(invited.map((i) => i.member_id).sort()).toEqual([ids.jal1, ids.oax1].sort());
  });

  it('keeps every response of an anonymous survey anonymous, whatever the respondent asks, and counts a Likert scale', async () => {
    const scale = {
      sections: [{ key: 's', title: 'Escala', questions: [{ key: 'utilidad', number: '1', text: 'La comisión es útil', kind: 'rating', required: true, options: likertOptions() }] }],
    };
    const survey = await createSurvey({ title: 'Utilidad de la comisión', definition: scale, anonymity: 'anonymous', audience: { kind: 'commission', commissionIds: [ids.commission] } });
    await openSurvey(survey.id);
    const mails = await rows<{ to_address: string; text_body: string }>(sql`select to_address, text_body from mail_outbox where subject like '%Utilidad de la comisión%'`);
    expect(mails[0]!.text_body).toContain('La encuesta es anónima');
    // Both at once: anonymous marks of one survey take turns.
    const answers = await Promise.all(
      mails.map((mail, index) => respond(/\/encuesta\/([A-Za-z0-9_-]{43})/.exec(mail.text_body)![1]!, { anonymous: false, answers: { utilidad: { selected: [index ? '5' : '4'] } } })),
    );
    for (const answered of answers) {
      expect(answered.status, JSON.stringify(answered.body)).toBe(201);
      expect(answered.body).toEqual({ anonymous: true });
    }
    const responses = await rows<{ invitation_id: string | null; is_anonymous: boolean }>(sql`select invitation_id, is_anonymous from survey_responses where survey_id = ${survey.id}`);
    expect(responses).toEqual([
      { invitation_id: null, is_anonymous: true },
      { invitation_id: null, is_anonymous: true },
    ]);
    const counts = await rows<{ option_key: string; respondents: number }>(
      sql`select option_key, respondents from survey_counts where survey_id = ${survey.id} and segment_kind = 'all' and question_key = 'utilidad' order by option_key`,
    );
    expect(counts).toEqual([
      { option_key: '', respondents: 2 },
      { option_key: '4', respondents: 1 },
      { option_key: '5', respondents: 1 },
    ]);
    expect((await ctx.api('GET', `/surveys/${survey.id}/rates`)).body.overall).toEqual({ invited: 2, responded: 2, rate: 1 });
  });

  it('is for the coordination: a secretariat of another body cannot create one', async () => {
    const stranger = await ctx.signInAs([{ role: 'secretariat', bodyId: ids.commission }]);
    const refused = await stranger('POST', `/networks/${ids.network}/surveys`, { title: 'X', definition, anonymity: 'named', audience: { kind: 'all' } });
    expect(refused.status).toBe(403);
    expect((await ctx.anonymous('GET', `/networks/${ids.network}/surveys`)).status).toBe(401);
  });
});
