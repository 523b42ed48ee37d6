import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  ActivityCreateSchema,
  NETWORK_BODY_ROLES,
  NetworkBodyCreateSchema,
  NetworkCreateSchema,
  SessionAgendaReplaceSchema,
  SURVEY_ANONYMITY,
  SurveyAnswerThemesSchema,
  SurveyCreateSchema,
} from '@telar/domain';
import { z } from 'zod';
import type { Services } from '../services.js';
import { readPartialDate, readPartialEndDate } from './demo-plans.js';

/** Where each fact comes from in seed 003: "003: línea 261". */
const source = z.string().regex(/^003: líneas? \d/);

/**
 * Seed 003 by hand (fixtures/pacto.json): the Pacto por la Primera Infancia as a network, its 2nd National
 * Assembly and its perception survey, each fact with its seed line and a flag wherever the seed is unclear.
 */
export const PactoFixture = z.object({
  network: z.object({
    name: z.string(),
    acronym: z.string().nullable(),
    level: z.literal('national'),
    /** The plan of commitments (fixtures/plans.json) the network takes as its own. */
    planShortName: z.string(),
    declaredMembers: z.number().int(),
    declaredStates: z.number().int(),
    declaredSource: z.string(),
    declaredOn: z.string(),
    source,
    flags: z.array(z.string()),
  }),
  /** The seeds name no member: the declared size stands alone. */
  members: z.array(z.never()),
  governance: z.array(z.object({ role: z.enum(NETWORK_BODY_ROLES), name: z.string(), function: z.string(), source })),
  commissions: z.object({ source, note: z.string() }),
  assembly: z.object({
    number: z.number().int(),
    date: z.string(),
    modality: z.null(),
    source,
    flags: z.array(z.string()),
    agenda: z.array(
      z.object({ startsAt: z.null(), endsAt: z.null(), title: z.string(), presenter: z.string().nullable(), notes: z.string().nullable(), source }),
    ),
  }),
  /** Achievements the assembly reported: activities of the network, dated in the inferred year. */
  achievements: z.array(
    z.object({ kind: z.literal('other'), title: z.string(), description: z.string(), start: z.string(), end: z.string(), source, flags: z.array(z.string()) }),
  ),
  survey: z.object({
    title: z.string(),
    description: z.string(),
    anonymity: z.enum(SURVEY_ANONYMITY),
    submittedOn: z.string(),
    question: z.object({ key: z.string(), text: z.string(), source }),
    themes: z.array(z.object({ key: z.string(), label: z.string(), description: z.string() })),
    answers: z.array(z.object({ line: z.number().int(), text: z.string(), themes: z.array(z.string()).min(1), quoteOf: z.array(z.string()) })),
    /** The first slide's six statements: perhaps prompts, not answers; kept in the survey's flags, never counted. */
    possiblePrompts: z.array(z.object({ line: z.number().int(), text: z.string() })),
    flags: z.array(z.string()),
  }),
});
export type PactoFixture = z.infer<typeof PactoFixture>;

export const readPactoFixture = () =>
  PactoFixture.parse(JSON.parse(readFileSync(fileURLToPath(new URL('./fixtures/pacto.json', import.meta.url)), 'utf8')));

/**
 * The Pacto por la Primera Infancia from seed 003, through the services: the network with its declared size
 * and source (no member: the seeds name none), its plan of commitments, board and coordination, one commission
 * per commitment awaiting its focal point, and the 2nd National Assembly with its programme and the
 * achievements it reported. Runs after loadDemoPlans (the plan and the directory's «Pacto» organisation).
 */
export async function loadDemoNetworks(services: Services) {
  const pacto = readPactoFixture();
  const everything = { page: 1, pageSize: 500 };

  const plan = (await services.plans.list({ q: pacto.network.planShortName }, everything)).items.find((p) => p.shortName === pacto.network.planShortName);
  if (!plan) throw new Error(`Falta el plan «${pacto.network.planShortName}» de la demostración.`);
  const { flags, source: _source, planShortName: _plan, ...network } = pacto.network;
  const created = await services.networks.create(NetworkCreateSchema.parse({ ...network, planId: plan.id }));
  await services.networks.update(created.id, { version: created.version, flags });

  for (const body of pacto.governance) {
    await services.commissions.createBody(created.id, NetworkBodyCreateSchema.parse({ role: body.role, name: body.name }));
  }
  await services.commissions.commissionsFromPlan(created.id);

  const { agenda, number, date, modality } = pacto.assembly;
  const assembly = await services.sessions.create({ bodyId: created.id, kind: 'assembly', number, date, modality, minutes: null });
  const saved = await services.sessions.replaceAgenda(assembly.id, SessionAgendaReplaceSchema.parse({ items: agenda.map(({ source: _line, ...item }) => item) }));
  // The slides are a public presentation, like the other seeds' documents: the assembly is published.
  await services.sessions.publish(assembly.id, saved.version);

  // The achievements are the Pacto's own: the directory knows it as an organisation (seed 000, line 13).
  const organization = await services.organizations.findExisting(pacto.network.name, null);
  if (!organization) throw new Error(`Falta la organización «${pacto.network.name}» del directorio (semilla 000).`);
  for (const achievement of pacto.achievements) {
    const start = readPartialDate(achievement.start);
    await services.activities.create(
      ActivityCreateSchema.parse({
        bodyId: created.id,
        kind: achievement.kind,
        title: achievement.title,
        description: achievement.description,
        startDate: start.date,
        endDate: readPartialEndDate(achievement.end),
        datePrecision: start.precision,
        leadOrganizationIds: [organization.id],
        source: `Semilla ${achievement.source}`,
        flags: achievement.flags,
      }),
    );
  }
  const surveyId = await loadDemoPerceptionSurvey(services, created.id, pacto.survey);
  return { networkId: created.id, assemblyId: assembly.id, surveyId };
}

/**
 * «¿Cómo percibes al Pacto?»: one open question, anonymous (the slides show no names), its 17 answers
 * imported as responses (no personal links: they were given at the assembly), the first slide's six
 * statements kept verbatim in the survey's flags and never counted, since they may be prompts. The answers
 * are coded into the fixture's themes with a quote for each, and the question is published.
 */
async function loadDemoPerceptionSurvey(services: Services, networkId: string, survey: PactoFixture['survey']) {
  const { key, text } = survey.question;
  const definition = { sections: [{ key: 'encuesta', title: 'Encuesta', questions: [{ key, number: '1', text, kind: 'open' }] }] };
  const draft = await services.surveys.create(
    networkId,
    SurveyCreateSchema.parse({ title: survey.title, description: survey.description, definition, anonymity: survey.anonymity, audience: { kind: 'all' }, closesAt: null }),
  );
  await services.surveyImport.importResponses(draft.id, {
    version: draft.version,
    submittedOn: survey.submittedOn,
    responses: survey.answers.map((answer) => ({ [key]: { text: answer.text } })),
    flags: survey.flags,
  });

  const themeIds = new Map<string, string>();
  for (const theme of survey.themes) {
    themeIds.set(theme.key, (await services.surveyResults.createTheme(draft.id, { questionKey: key, label: theme.label, description: theme.description })).id);
  }
  const answers = await services.surveyResults.openAnswers(draft.id, { questionKey: key, offset: 0, limit: survey.answers.length });
  for (const coded of survey.answers) {
    const answer = answers.find((candidate) => candidate.text === coded.text);
    if (!answer) throw new Error(`Falta la respuesta de la línea ${coded.line} de la semilla 003.`);
    const ids = (keys: string[]) => keys.map((themeKey) => themeIds.get(themeKey)!);
    await services.surveyResults.setAnswerThemes(draft.id, answer.answerId, SurveyAnswerThemesSchema.parse({ questionKey: key, themeIds: ids(coded.themes), quoteThemeIds: ids(coded.quoteOf) }));
  }
  await services.surveyResults.setPublication(draft.id, [key]);
  return draft.id;
}
