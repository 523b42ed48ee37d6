/**
 * The questionnaires of the seeds, as a secretariat would have them in Telar:
 * - seed 001, Mexico's reply to the joint communication JAL MEX 4/2021, imported as it was sent
 *   (9 questions, 5 contributing agencies, footnotes, the yearly tables) and published, as it is public;
 * - seed 002, the Alliance 8.7 questionnaire: the template (fixtures/alliance-87-template.json, its
 *   progress questions repeated over the roadmap's priorities and next steps), its 2024 exercise answered
 *   with the seed's own answers and marks, and a 2025 draft started from 2024 and from the plan;
 * - seed 004, the SNDIF's contribution to an OHCHR report, as an accepted contribution to its exercise.
 * Nothing is invented: the seeds give no deadlines, so none are set.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  type Answer,
  emptyAnswer,
  type ExerciseQuestionView,
  type ImportedQuestion,
  normalizeLabel,
  parseQuestionnaire,
  readContributionText,
  TemplateCreateSchema,
  ExerciseCreateSchema,
} from '@telar/domain';
import type { Services } from '../services.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
export const DEMO_UN_REPLY_PATH = fixture('oacnudh-jal-mex-4-2021.txt');
export const DEMO_ALLIANCE_REPLY_PATH = fixture('alianza-87-informe-2024.txt');
export const DEMO_SNDIF_CONTRIBUTION_PATH = fixture('sndif-aportacion-oacnudh-tic.txt');

const ROADMAP = 'Hoja de ruta Alianza 8.7 (País Pionero)';

export async function loadDemoQuestionnaires(services: Services) {
  const bodies = (await services.bodies.list({}, { page: 1, pageSize: 500 })).items;
  const bodyId = (acronym: string) => bodies.find((b) => b.acronym === acronym)!.id;

  const unReply = await services.questionnaireImport.importText(readFileSync(DEMO_UN_REPLY_PATH, 'utf8'), { bodyId: bodyId('SIPINNA'), dryRun: false });
  const unExercise = await services.questionnaireExercises.get(unReply.exerciseId!);
  await services.consolidation.publish(unExercise.id, unExercise.version);

  const { exercise2024, exercise2025 } = await loadAllianceQuestionnaire(services, bodyId('CITI'));
  const sndif = await loadSndifContribution(services, bodyId('SIPINNA'));
  return { unReply: unExercise.id, alliance2024: exercise2024, alliance2025: exercise2025, sndifExercise: sndif };
}

async function loadAllianceQuestionnaire(services: Services, citiId: string) {
  const { name, description, definition } = JSON.parse(readFileSync(fixture('alliance-87-template.json'), 'utf8')) as { name: string; description: string; definition: unknown };
  const template = await services.questionnaireTemplates.create(TemplateCreateSchema.parse({ name, description, bodyId: citiId, definition }));
  const roadmap = (await services.plans.list({ q: 'Alianza 8.7' }, { page: 1, pageSize: 50 })).items.find((plan) => plan.shortName === ROADMAP)!;
  const create = (year: number, previousExerciseId: string | null) =>
    services.questionnaireExercises.create(
      ExerciseCreateSchema.parse({
        templateId: template.id,
        title: `Alianza 8.7, informe anual ${year}`,
        recipient: 'Alianza 8.7 — Grupo de Seguimiento de la Meta 8.7 de los ODS',
        periodFrom: `${year}-01-01`,
        periodTo: `${year}-12-31`,
        bodyId: citiId,
        planId: roadmap.id,
        previousExerciseId,
      }),
    );

  const exercise2024 = await create(2024, null);
  const parsed = parseQuestionnaire(readFileSync(DEMO_ALLIANCE_REPLY_PATH, 'utf8'));
  if (!parsed.ok) throw new Error(`El cuestionario de la Alianza 8.7 no se pudo leer: ${parsed.errors[0]!.message}`);
  const answers = new Map(parsed.value.questions.map((question) => [question.number, question]));
  const consolidation = await services.consolidation.getConsolidation(exercise2024.id);
  for (const { question, answerVersion } of consolidation.questions) {
    const imported = answers.get(question.number);
    if (!imported) throw new Error(`El informe 2024 no tiene la pregunta ${question.number} de la plantilla.`);
    await services.consolidation.updateAnswer(exercise2024.id, question.id, { answer: answerOf(question, imported), version: answerVersion });
  }
  let { version } = await services.questionnaireExercises.get(exercise2024.id);
  ({ version } = await services.questionnaireExercises.update(exercise2024.id, { status: 'open', version }));
  await services.questionnaireExercises.update(exercise2024.id, { status: 'closed', version });

  const exercise2025 = await create(2025, exercise2024.id);
  return { exercise2024: exercise2024.id, exercise2025: exercise2025.id };
}

/** The seed's answer to a question of the template: its text, and its marks as the template's options (matched by their words). */
function answerOf(question: ExerciseQuestionView, imported: ImportedQuestion): Answer {
  const optionKey = (label: string) => {
    const words = normalizeLabel(label);
    const option = question.options.find((o) => normalizeLabel(o.label) === words) ?? question.options.find((o) => words.startsWith(normalizeLabel(o.label)));
    if (!option) throw new Error(`La opción «${label}» de la pregunta ${question.number} no está en la plantilla.`);
    return option.key;
  };
  return {
    ...emptyAnswer(),
    text: imported.answer,
    selected: imported.options.filter((option) => option.marked).map((option) => optionKey(option.label)),
    otherText: imported.otherText,
  };
}

/** Seed 004 is one agency's text, not a questionnaire: its first paragraph names the report it answers. */
async function loadSndifContribution(services: Services, sipinnaId: string) {
  const { value: text } = readContributionText(readFileSync(DEMO_SNDIF_CONTRIBUTION_PATH, 'utf8'));
  const [titleBlock, ...answerBlocks] = text.blocks;
  const title = titleBlock!.type === 'paragraph' ? titleBlock!.content.map((inline) => inline.text).join('') : '';
  const template = await services.questionnaireTemplates.create(
    TemplateCreateSchema.parse({
      name: 'Informe de la OACNUDH sobre las TIC y la explotación sexual infantil',
      description: 'El documento de la aportación no reproduce las preguntas de la OACNUDH; la plantilla tiene una sola pregunta abierta con el tema del informe.',
      bodyId: sipinnaId,
      definition: {
        sections: [
          {
            key: 'aportacion',
            title: '',
            questions: [{ key: 'aportacion', number: '1', text: 'La cuestión de las tecnologías de la información y las comunicaciones y la explotación sexual infantil.', kind: 'open' }],
          },
        ],
      },
    }),
  );
  const exercise = await services.questionnaireExercises.create(ExerciseCreateSchema.parse({ templateId: template.id, title, recipient: 'OACNUDH', bodyId: sipinnaId }));
  const { version } = await services.questionnaireExercises.get(exercise.id);
  await services.questionnaireExercises.update(exercise.id, { status: 'open', version });
  const sndif = await services.organizations.findExisting('Sistema Nacional para el Desarrollo Integral de la Familia', 'SNDIF');
  if (!sndif) throw new Error('La demostración no tiene al SNDIF en el directorio.');
  const detail = await services.questionnaireExercises.get(exercise.id);
  await services.questionnaireExercises.assign(exercise.id, { questionIds: [detail.questions[0]!.id], organizationIds: [sndif.id], dueOn: null });
  const contributionId = (await services.questionnaireExercises.get(exercise.id)).assignments[0]!.contributionId;
  let contribution = await services.contributions.get(contributionId);
  contribution = await services.contributions.update(contributionId, { answer: { ...emptyAnswer(), text: { blocks: answerBlocks, footnotes: text.footnotes } }, links: [], version: contribution.version });
  contribution = await services.contributions.submit(contributionId, contribution.version);
  await services.contributions.accept(contributionId, { comment: null, version: contribution.version });
  return exercise.id;
}
