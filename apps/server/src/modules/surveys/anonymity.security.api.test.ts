import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/query.js';
import { createTestContext, type TestContext } from '../../test/test-context.js';

let ctx: TestContext;
const rows = <T = Record<string, unknown>>(query: ReturnType<typeof sql>) => queryRows<T>(ctx.handle.db, query);
const MEMBERS = 12;
let networkId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  const network = await ctx.api('POST', '/bodies', { kind: 'network', name: 'Red anonimato', acronym: 'RAN', level: 'national' });
  networkId = network.body.id;
  await rows(sql`insert into networks (body_id, point_weights) values (${networkId}, '{"assembly":3,"survey":1,"activity":2,"commission":2}'::jsonb)`);
  for (let i = 0; i < MEMBERS; i++) {
    const org = await ctx.api('POST', '/organizations', { name: `Organización anónima ${i}`, sector: 'civil_society', level: 'none' });
    await rows(sql`insert into network_members (network_id, organization_id, state_code, sector, joined_on, contact_name, contact_email)
                   values (${networkId}, ${org.body.id}, 'MX-JAL', 'civil_society', '2020-01-01', ${`Contacto ${i}`}, ${`m${i}@anonimato.mx`})`);
  }
});
afterAll(() => ctx?.close());

const definition = { sections: [{ key: 's', title: 'S', questions: [{ key: 'q', number: '1', text: '¿Qué cambiarías?', kind: 'open' }] }] };

describe('anonymous answers (security review)', () => {
  it('does not let the open-answers ids tell the order answers came in (anonymous ones placed between named ones)', async () => {
    const created = await ctx.api('POST', `/networks/${networkId}/surveys`, {
      title: 'Orden de llegada',
      definition,
      anonymity: 'optional',
      audience: { kind: 'all' },
      closesAt: new Date(Date.now() + 10 * 86_400_000).toISOString(),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const surveyId = created.body.id as string;
    expect((await ctx.api('POST', `/surveys/${surveyId}/open`, { version: created.body.version })).status).toBe(200);
    const mails = await rows<{ to_address: string; text_body: string }>(sql`select to_address, text_body from mail_outbox where kind = 'survey_invitation'`);
    const token = (i: number) => /\/encuesta\/([A-Za-z0-9_-]{43})/.exec(mails.find((m) => m.to_address === `m${i}@anonimato.mx`)!.text_body)![1]!;
    // Arrival order: member 0 named, member 1 anonymous, member 2 named, …
    for (let i = 0; i < MEMBERS; i++) {
      const sent = await ctx.anonymous('POST', `/survey-invitations/${token(i)}/response`, { answers: { q: { text: `Respuesta ${i}` } }, anonymous: i % 2 === 1 });
      expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    }
    // The open answers of a survey that admits anonymous responses are read once it is closed.
    expect((await ctx.api('GET', `/surveys/${surveyId}/open-answers?questionKey=q&limit=100`)).status).toBe(409);
    const closed = await ctx.api('POST', `/surveys/${surveyId}/close`, { version: (await ctx.api('GET', `/surveys/${surveyId}`)).body.version });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    const answers = (await ctx.api('GET', `/surveys/${surveyId}/open-answers?questionKey=q&limit=100`)).body as { answerId: number; text: string; organizationName: string | null }[];
    expect(answers).toHaveLength(MEMBERS);
    expect(answers.filter((a) => a.organizationName === null)).toHaveLength(MEMBERS / 2);
    // Each answer is named by its response's random id, not by a sequence.
    for (const answer of answers) expect(String(answer.answerId)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    // Sorting by the ids returned rebuilds the arrival order exactly: each anonymous answer sits between the
    // named answers of the members who answered just before and just after it.
    const byId = [...answers].sort((a, b) => Number(a.answerId) - Number(b.answerId)).map((a) => a.text);
    expect(byId).not.toEqual(Array.from({ length: MEMBERS }, (_, i) => `Respuesta ${i}`));
  });

  it('does not tie an anonymous answer to its member through live results and the points table', async () => {
    const choice = { sections: [{ key: 's', title: 'S', questions: [{ key: 'rec', number: '1', text: '¿Recomendarías la red?', kind: 'single_choice', options: [{ key: 'si', label: 'Sí' }, { key: 'no', label: 'No' }] }] }] };
    const created = await ctx.api('POST', `/networks/${networkId}/surveys`, {
      title: 'Anónima en vivo',
      definition: choice,
      anonymity: 'anonymous',
      audience: { kind: 'all' },
      closesAt: new Date(Date.now() + 10 * 86_400_000).toISOString(),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const surveyId = created.body.id as string;
    const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City' }).format(new Date()).slice(0, 4));
    const before = (await ctx.api('GET', `/networks/${networkId}/points?year=${year}`)).body.rows as { name: string; surveys: number }[];
    await rows(sql`delete from mail_outbox where kind = 'survey_invitation'`);
    expect((await ctx.api('POST', `/surveys/${surveyId}/open`, { version: created.body.version })).status).toBe(200);
    const mails = await rows<{ to_address: string; text_body: string }>(sql`select to_address, text_body from mail_outbox where kind = 'survey_invitation'`);
    const token = /\/encuesta\/([A-Za-z0-9_-]{43})/.exec(mails.find((m) => m.to_address === 'm7@anonimato.mx')!.text_body)![1]!;
    expect((await ctx.anonymous('POST', `/survey-invitations/${token}/response`, { answers: { rec: { selected: ['no'] } } })).status).toBe(201);

    // Who answered: the one member whose survey count moved in the points table. A survey counts once closed,
    // so no count moves while it is open.
    const after = (await ctx.api('GET', `/networks/${networkId}/points?year=${year}`)).body.rows as { name: string; surveys: number }[];
    const moved = after.filter((row) => row.surveys !== before.find((b) => b.name === row.name)?.surveys).map((row) => row.name);
    expect(moved).toEqual([]);
    // What they answered: the coordination's results of one respondent.
    const read = await ctx.api('GET', `/surveys/${surveyId}/results`);
    expect(read.status).toBe(409);
    expect(read.body.error.message).toBe('Los resultados de una encuesta que admite respuestas anónimas se muestran al cerrarla.');
    const results = read.body;
    const revealed = results.respondents === 1 && results.questions?.[0]?.options?.find((o: { key: string }) => o.key === 'no')?.respondents === 1;
    expect(revealed, 'the results of a single anonymous respondent are shown: with the points table they name the member').toBe(false);
    // Closed, a survey of fewer than 5 respondents shows nothing, to the coordination as to the portal.
    const survey = (await ctx.api('GET', `/surveys/${surveyId}`)).body;
    expect((await ctx.api('POST', `/surveys/${surveyId}/close`, { version: survey.version })).status).toBe(200);
    expect((await ctx.api('GET', `/surveys/${surveyId}/results`)).body).toMatchObject({ suppressed: true, respondents: null, questions: [] });
    expect((await ctx.request(`/api/surveys/${surveyId}/results/export?format=csv`)).status).toBe(422);
  });

  it('keeps no row that a join on state, sector and commissions ties to the one member who answered anonymously', async () => {
    const org = await ctx.api('POST', '/organizations', { name: 'Organización única de Colima', sector: 'academia', level: 'none' });
    await rows(sql`insert into network_members (network_id, organization_id, state_code, sector, joined_on, contact_email)
                   values (${networkId}, ${org.body.id}, 'MX-COL', 'academia', '2020-01-01', 'colima@anonimato.mx')`);
    const choice = { sections: [{ key: 's', title: 'S', questions: [{ key: 'rec', number: '1', text: '¿Recomendarías la red?', kind: 'single_choice', options: [{ key: 'si', label: 'Sí' }, { key: 'no', label: 'No' }] }] }] };
    const created = await ctx.api('POST', `/networks/${networkId}/surveys`, {
      title: 'Anónima por estado',
      definition: choice,
      anonymity: 'anonymous',
      audience: { kind: 'all' },
      closesAt: new Date(Date.now() + 10 * 86_400_000).toISOString(),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const surveyId = created.body.id as string;
    await rows(sql`delete from mail_outbox where kind = 'survey_invitation'`);
    expect((await ctx.api('POST', `/surveys/${surveyId}/open`, { version: created.body.version })).status).toBe(200);
    const mails = await rows<{ to_address: string; text_body: string }>(sql`select to_address, text_body from mail_outbox where kind = 'survey_invitation'`);
    const token = /\/encuesta\/([A-Za-z0-9_-]{43})/.exec(mails.find((m) => m.to_address === 'colima@anonimato.mx')!.text_body)![1]!;
    expect((await ctx.anonymous('POST', `/survey-invitations/${token}/response`, { answers: { rec: { selected: ['no'] } } })).status).toBe(201);
    // Whoever reads the tables: each anonymous response, with the invited members its copied segments fit.
    const tied = await rows<{ organization: string; option: string }>(
      sql`select o.name as organization, a.option_key as option
          from survey_responses r join survey_answers a on a.response_id = r.id
            join survey_invitations i on i.survey_id = r.survey_id
            join network_members m on m.id = i.member_id and m.state_code is not distinct from r.state_code and m.sector = r.sector
            join organizations o on o.id = m.organization_id
          where r.survey_id = ${surveyId} and r.is_anonymous
            and (select count(*) from survey_invitations i2 join network_members m2 on m2.id = i2.member_id
                 where i2.survey_id = r.survey_id and m2.state_code is not distinct from r.state_code and m2.sector = r.sector) = 1`,
    );
    expect(tied, 'an anonymous response whose segments fit a single invited member names it').toEqual([]);
  });
});

