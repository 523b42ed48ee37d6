import { describe, expect, it } from 'vitest';
import type { TemplateDefinition } from '../questionnaires/model.js';
import { checkSurveyAnswers, likertOptions, MAX_OPEN_ANSWER, SurveyAnswerInputSchema, SurveyDefinitionSchema } from './survey-definition.js';

/** The perception survey of seed 003, shortened: a rating, a multiple choice with "other", a follow-up, a number and an open question. */
const input = {
  sections: [
    {
      key: 'percepcion',
      title: '¿Cómo percibes al Pacto?',
      questions: [
        { key: 'valor', number: '1', text: 'El Pacto genera valor para mi organización.', kind: 'rating', required: true, options: likertOptions() },
        {
          key: 'canales',
          number: '2',
          text: '¿Por qué medios te enteras de las actividades?',
          kind: 'multiple_choice',
          options: [
            { key: 'correo', label: 'Correo' },
            { key: 'whatsapp', label: 'WhatsApp' },
            { key: 'otro', label: 'Otro (precisar)', other: true },
          ],
        },
        {
          key: 'por_que',
          number: '3',
          text: '¿Por qué no genera valor?',
          kind: 'open',
          required: true,
          condition: { questionKey: 'valor', anyOf: ['1', '2'] },
        },
        { key: 'reuniones', number: '4', text: '¿A cuántas reuniones asististe?', kind: 'number' },
        { key: 'comentarios', number: '5', text: 'Comentarios', kind: 'open' },
      ],
    },
  ],
};
const definition: TemplateDefinition = SurveyDefinitionSchema.parse(input);

const issuesOf = (value: unknown) => {
  const result = SurveyDefinitionSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path, message: issue.message }));
};
const withQuestion = (question: Record<string, unknown>) => ({ sections: [{ key: 's', title: 'S', questions: [{ key: 'q', number: '7', text: 'P', ...question }] }] });

describe('SurveyDefinitionSchema', () => {
  it('accepts the survey kinds and fills the template defaults', () => {
    expect(definition.sections[0]?.questions.map((q) => q.kind)).toEqual(['rating', 'multiple_choice', 'open', 'number', 'open']);
    expect(definition.sections[0]?.questions[3]?.options).toEqual([]);
  });

  it('refuses kinds a survey does not count, with the path and the question number', () => {
    expect(issuesOf(withQuestion({ kind: 'table' }))).toEqual([
      { path: ['sections', 0, 'questions', 0, 'kind'], message: expect.stringMatching(/^Pregunta 7: una encuesta admite/) },
    ]);
    expect(issuesOf(withQuestion({ kind: 'yes_no' }))).toHaveLength(1);
  });

  it('refuses repeated questions, comments beside a choice, and options on open questions', () => {
    expect(issuesOf(withQuestion({ kind: 'open', repeat: { over: 'plan_nodes', nodeKind: 'priority' } })).map((i) => i.path.at(-1))).toEqual(['repeat']);
    expect(issuesOf(withQuestion({ kind: 'single_choice', options: likertOptions(['Sí', 'No']), withComment: true })).map((i) => i.path.at(-1))).toEqual(['withComment']);
    expect(issuesOf(withQuestion({ kind: 'number', options: likertOptions(['a']) })).map((i) => i.path.at(-1))).toEqual(['options']);
  });

  it('needs two options with distinct keys on choice and rating questions', () => {
    expect(issuesOf(withQuestion({ kind: 'rating', options: likertOptions(['Único']) }))).toEqual([
      { path: ['sections', 0, 'questions', 0, 'options'], message: 'Pregunta 7: necesita al menos dos opciones.' },
    ]);
    const repeated = issuesOf(withQuestion({ kind: 'single_choice', options: [{ key: 'a', label: 'A' }, { key: 'a', label: 'B' }] }));
    expect(repeated).toEqual([{ path: ['sections', 0, 'questions', 0, 'options', 1, 'key'], message: 'Pregunta 7: la clave de opción «a» está repetida.' }]);
  });

  it('keeps the template rules: unique question keys, conditions on earlier questions', () => {
    const twice = { sections: [{ key: 's', title: 'S', questions: [{ key: 'q', number: '1', text: 'A', kind: 'open' }, { key: 'q', number: '2', text: 'B', kind: 'open' }] }] };
    expect(issuesOf(twice).map((i) => i.message)).toEqual(['La clave «q» está repetida.']);
  });

  it('needs a condition on a choice question and on options it has', () => {
    const onOpen = structuredClone(input);
    onOpen.sections[0]!.questions[2]!.condition = { questionKey: 'comentarios', anyOf: ['1'] };
    onOpen.sections[0]!.questions.push(onOpen.sections[0]!.questions.splice(2, 1)[0]!);
    expect(issuesOf(onOpen)).toEqual([{ path: ['sections', 0, 'questions', 4, 'condition'], message: 'Pregunta 3: la condición debe referirse a una pregunta de opciones.' }]);
    const badOption = structuredClone(input);
    badOption.sections[0]!.questions[2]!.condition = { questionKey: 'valor', anyOf: ['1', '9'] };
    expect(issuesOf(badOption).map((i) => i.message)).toEqual(['Pregunta 3: la condición usa opciones que la pregunta 1 no tiene (9).']);
  });
});

describe('likertOptions', () => {
  it('gives the 5-point agreement scale with keys 1 to 5', () => {
    expect(likertOptions()).toEqual([
      { key: '1', label: 'Totalmente en desacuerdo' },
      { key: '2', label: 'En desacuerdo' },
      { key: '3', label: 'Ni de acuerdo ni en desacuerdo' },
      { key: '4', label: 'De acuerdo' },
      { key: '5', label: 'Totalmente de acuerdo' },
    ]);
    expect(likertOptions(['Nunca', 'A veces', 'Siempre']).map((o) => o.key)).toEqual(['1', '2', '3']);
  });
});

describe('SurveyAnswerInputSchema', () => {
  it('takes answers by question key and refuses unknown fields and bad keys', () => {
    expect(SurveyAnswerInputSchema.parse({ valor: { selected: ['4'] }, reuniones: { number: 3 } })).toEqual({ valor: { selected: ['4'] }, reuniones: { number: 3 } });
    expect(SurveyAnswerInputSchema.safeParse({ valor: { selected: ['4'], extra: 1 } }).success).toBe(false);
    expect(SurveyAnswerInputSchema.safeParse({ 'Mal Clave': { text: 'x' } }).success).toBe(false);
    expect(SurveyAnswerInputSchema.safeParse({ valor: { text: 'x'.repeat(4 * MAX_OPEN_ANSWER + 1) } }).success).toBe(false);
  });
});

describe('checkSurveyAnswers', () => {
  it('gives one row per option chosen, in the question’s order, repeats collapsed', () => {
    const result = checkSurveyAnswers(definition, {
      valor: { selected: ['4'] },
      canales: { selected: ['otro', 'correo', 'correo'], text: '  Redes sociales ' },
      reuniones: { number: 2.5 },
      comentarios: { text: '  Genera mucho valor y permite la incidencia  ' },
    });
    expect(result.issues).toEqual([]);
    expect(result.rows).toEqual([
      { questionKey: 'valor', optionKey: '4', number: null, text: null },
      { questionKey: 'canales', optionKey: 'correo', number: null, text: null },
      { questionKey: 'canales', optionKey: 'otro', number: null, text: 'Redes sociales' },
      { questionKey: 'reuniones', optionKey: null, number: 2.5, text: null },
      { questionKey: 'comentarios', optionKey: null, number: null, text: 'Genera mucho valor y permite la incidencia' },
    ]);
  });

  it('asks for required questions, and for a follow-up only when its condition holds', () => {
    expect(checkSurveyAnswers(definition, {}).issues).toEqual([{ path: ['valor', 'selected'], message: 'Pregunta 1: falta la respuesta (es obligatoria).' }]);
    const unhappy = checkSurveyAnswers(definition, { valor: { selected: ['2'] } });
    expect(unhappy.issues).toEqual([{ path: ['por_que', 'text'], message: 'Pregunta 3: falta la respuesta (es obligatoria).' }]);
    const explained = checkSurveyAnswers(definition, { valor: { selected: ['2'] }, por_que: { text: 'No entiendo qué hace el Pacto' } });
    expect(explained.rows.map((r) => r.questionKey)).toEqual(['valor', 'por_que']);
  });

  it('drops the answer of a question its condition hides', () => {
    const result = checkSurveyAnswers(definition, { valor: { selected: ['5'] }, por_que: { text: 'Respondida por error' } });
    expect(result.issues).toEqual([]);
    expect(result.rows).toEqual([{ questionKey: 'valor', optionKey: '5', number: null, text: null }]);
  });

  it('refuses questions and options the survey does not have, and several options where one is asked', () => {
    const result = checkSurveyAnswers(definition, { valor: { selected: ['4', '5'] }, canales: { selected: ['fax'] }, inventada: { text: 'x' } });
    expect(result.issues).toEqual([
      { path: ['inventada'], message: 'La encuesta no tiene la pregunta «inventada».' },
      { path: ['valor', 'selected'], message: 'Pregunta 1: elija una sola opción.' },
      { path: ['canales', 'selected'], message: 'Pregunta 2: la opción «fax» no existe.' },
    ]);
    expect(result.rows).toEqual([]);
  });

  it('needs the text of an "other" option, and no text without one', () => {
    expect(checkSurveyAnswers(definition, { valor: { selected: ['3'] }, canales: { selected: ['otro'], text: '   ' } }).issues).toEqual([
      { path: ['canales', 'text'], message: 'Pregunta 2: precise «Otro (precisar)».' },
    ]);
    expect(checkSurveyAnswers(definition, { valor: { selected: ['3'] }, canales: { selected: ['correo'], text: 'algo' } }).issues).toEqual([
      { path: ['canales', 'text'], message: 'Pregunta 2: el texto solo acompaña a una opción «otro».' },
    ]);
  });

  it('checks numbers and open text', () => {
    const base = { valor: { selected: ['3'] } };
    expect(checkSurveyAnswers(definition, { ...base, reuniones: { number: Number.POSITIVE_INFINITY } }).issues.map((i) => i.message)).toEqual(['Pregunta 4: el número no es válido.']);
    expect(checkSurveyAnswers(definition, { ...base, reuniones: { number: 2e12 } }).issues).toHaveLength(1);
    expect(checkSurveyAnswers(definition, { ...base, reuniones: { number: 0 } }).rows.at(-1)).toEqual({ questionKey: 'reuniones', optionKey: null, number: 0, text: null });
    expect(checkSurveyAnswers(definition, { ...base, reuniones: { text: '3' } }).issues.map((i) => i.path)).toEqual([['reuniones', 'text']]);
    expect(checkSurveyAnswers(definition, { ...base, comentarios: { text: 'x'.repeat(MAX_OPEN_ANSWER + 1) } }).issues.map((i) => i.message)).toEqual([
      `Pregunta 5: la respuesta pasa de ${MAX_OPEN_ANSWER} caracteres.`,
    ]);
    // Exactly the limit after trimming is fine; blank is unanswered.
    expect(checkSurveyAnswers(definition, { ...base, comentarios: { text: ` ${'x'.repeat(MAX_OPEN_ANSWER)} ` } }).issues).toEqual([]);
    expect(checkSurveyAnswers(definition, { ...base, comentarios: { text: '   ' } }).rows).toHaveLength(1);
    expect(checkSurveyAnswers(definition, { ...base, comentarios: { selected: ['1'] } }).issues.map((i) => i.path)).toEqual([['comentarios', 'selected']]);
    expect(checkSurveyAnswers(definition, { valor: { selected: ['3'], number: 3 } }).issues.map((i) => i.path)).toEqual([['valor', 'number']]);
  });
});
