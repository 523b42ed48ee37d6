import { MIN_SEGMENT_RESPONDENTS, SurveyResultsViewSchema, TemplateDefinitionSchema } from '@telar/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/query.js';
import { createTestContext, type TestContext } from '../../test/test-context.js';
import { rebuildCounts } from './surveys.repository.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

const one = async <T>(query: ReturnType<typeof sql>) => (await queryRows<T>(ctx.handle.db, query))[0]!;

const definition = TemplateDefinitionSchema.parse({
  sections: [
    {
      key: 's',
      title: 'Percepción',
      questions: [{ key: 'q_sc', number: '1', text: '¿Recomendarías el Pacto?', kind: 'single_choice', options: [{ key: 'si', label: 'Sí' }, { key: 'no', label: 'No' }] }],
    },
  ],
});

let surveyId: string;

/**
 * Six respondents, all of Jalisco and civil society; five of them sit in the health commission, the sixth
 * (who answers «No», anonymously) in none. Every segment shown has at least 5 respondents, yet the whole
 * minus the commission is one organisation, whose commission membership is known.
 */
async function seed() {
  const networkId = (await one<{ id: string }>(sql`insert into bodies (kind, name, acronym, level) values ('network', 'Red diferencia', 'RDF', 'national') returning id`)).id;
  await ctx.handle.db.execute(sql`insert into networks (body_id, point_weights) values (${networkId}, '{"assembly":3,"survey":1,"activity":2,"commission":2}'::jsonb)`);
  const commission = (await one<{ id: string }>(sql`insert into bodies (kind, name, level, parent_id) values ('commission', 'Comisión de Salud', 'national', ${networkId}) returning id`)).id;
  await ctx.handle.db.execute(sql`insert into network_bodies (body_id, network_id, role) values (${commission}, ${networkId}, 'commission')`);
  surveyId = (
    await one<{ id: string }>(
      sql`insert into surveys (network_id, title, definition, anonymity, status, audience, opened_at, closed_at)
          values (${networkId}, 'Diferencias', ${JSON.stringify(definition)}::jsonb, 'optional', 'closed', '{"kind":"all"}'::jsonb, now(), now()) returning id`,
    )
  ).id;
  for (let i = 0; i < 6; i++) {
    const name = `Org diferencia ${i}`;
    const org = (await one<{ id: string }>(sql`insert into organizations (name, name_key, sector, level) values (${name}, ${name.toLowerCase()}, 'civil_society', 'state') returning id`)).id;
    const member = (await one<{ id: string }>(sql`insert into network_members (network_id, organization_id, state_code, sector) values (${networkId}, ${org}, 'MX-JAL', 'civil_society') returning id`)).id;
    const commissions = i < 5 ? [commission] : [];
    for (const bodyId of commissions) await ctx.handle.db.execute(sql`insert into memberships (body_id, organization_id, role) values (${bodyId}, ${org}, 'member')`);
    const invitation = (await one<{ id: string }>(sql`insert into survey_invitations (survey_id, member_id, token_hash, responded) values (${surveyId}, ${member}, ${`dif-${i}`}, true) returning id`)).id;
    const anonymous = i === 5;
    const response = (await one<{ id: string }>(
      sql`insert into survey_responses (survey_id, invitation_id, is_anonymous, state_code, sector, commission_ids, submitted_on)
          values (${surveyId}, ${anonymous ? null : invitation}, ${anonymous}, 'MX-JAL', 'civil_society', ${sql.param(commissions)}::uuid[], current_date) returning id`,
    )).id;
    await ctx.handle.db.execute(sql`insert into survey_answers (survey_id, response_id, question_key, option_key) values (${surveyId}, ${response}, 'q_sc', ${anonymous ? 'no' : 'si'})`);
  }
  await rebuildCounts(ctx.handle.db, surveyId);
}

beforeAll(seed);

/** Every group that differencing the whole with one shown segment isolates must be empty or of at least 5. */
function complementsOf(view: ReturnType<typeof SurveyResultsViewSchema.parse>) {
  return view.segments.commission.map((s) => ({ segment: s.label, complement: (view.respondents ?? 0) - s.respondents }));
}

describe('small segments by differencing (security review)', () => {
  it('never shows a commission whose complement (all respondents minus it) is a group of fewer than 5', async () => {
    const view = SurveyResultsViewSchema.parse((await ctx.api('GET', `/surveys/${surveyId}/results`)).body);
    expect(view.respondents).toBe(6);
    for (const { complement } of complementsOf(view)) expect(complement === 0 || complement >= MIN_SEGMENT_RESPONDENTS).toBe(true);
  });

  it('does not let the portal reveal the one respondent outside a commission (whole minus commission)', async () => {
    expect((await ctx.api('PUT', `/surveys/${surveyId}/publication`, { questionKeys: ['q_sc'] })).status).toBe(200);
    const whole = SurveyResultsViewSchema.parse((await ctx.anonymous('GET', `/public/surveys/${surveyId}/results`)).body);
    const shown = whole.segments.commission[0];
    if (!shown) return; // the commission is not shown: nothing to difference
    const part = SurveyResultsViewSchema.parse((await ctx.anonymous('GET', `/public/surveys/${surveyId}/results?segmentKind=commission&segment=${shown.segment}`)).body);
    const no = (v: typeof whole) => v.questions[0]!.options.find((o) => o.key === 'no')!.respondents;
    // Whole minus the commission: one organisation (the only one outside it), and what it answered.
    expect({ respondents: (whole.respondents ?? 0) - (part.respondents ?? 0), saidNo: no(whole) - no(part) }).not.toEqual({ respondents: 1, saidNo: 1 });
  });
});
