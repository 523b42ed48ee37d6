import type { TemplateDefinition } from '@telar/domain';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { answerField, blankResponse, findAnswerProblems, issuesByQuestion, readNumber, toResponsePayload, visibleQuestions, type ResponseFormValues } from './response-form';

const question = (key: string, kind: 'single_choice' | 'multiple_choice' | 'rating' | 'open' | 'number', required = false) => ({
  key,
  number: key,
  text: `Pregunta ${key}`,
  kind,
  required,
  help: null,
  editorialNote: null,
  options: kind === 'open' || kind === 'number' ? [] : [{ key: 'a', label: 'A' }, { key: 'b', label: 'B' }, { key: 'c', label: 'C' }],
  columns: [],
  condition: null,
  repeat: null,
  withComment: false,
});

const definition: TemplateDefinition = {
  sections: [
    {
      key: 's1',
      title: '',
      description: null,
      // "12" is all digits: the form must not read it as an array index.
      questions: [question('p1', 'single_choice', true), question('p2', 'multiple_choice'), question('p3', 'rating'), question('p4', 'open'), question('12', 'number')],
    },
  ],
};

function answered(patch: Partial<Record<string, Partial<ResponseFormValues['answers'][string]>>>, anonymous = false): ResponseFormValues {
  const values = blankResponse(definition);
  for (const [key, answer] of Object.entries(patch)) values.answers[answerField(key)] = { ...values.answers[answerField(key)]!, ...answer };
  return { ...values, anonymous };
}

describe('the respondent form', () => {
  it('holds every question under a key the form library cannot take for an index', () => {
    expect(Object.keys(blankResponse(definition).answers)).toEqual(['q_p1', 'q_p2', 'q_p3', 'q_p4', 'q_12']);
  });

  it('sends each answered question with the field its kind uses, and leaves blank ones out', () => {
    const values = answered({ p1: { selected: ['b'] }, p2: { selected: ['a', 'c'] }, p3: { selected: ['c'] }, p4: { text: '  Genera mucho valor  ' }, 12: { number: '3,5' } });
    expect(toResponsePayload(definition, 'named', values)).toEqual({
      answers: { p1: { selected: ['b'] }, p2: { selected: ['a', 'c'] }, p3: { selected: ['c'] }, p4: { text: 'Genera mucho valor' }, 12: { number: 3.5 } },
    });
    expect(toResponsePayload(definition, 'named', answered({ p1: { selected: ['a'] }, p4: { text: '   ' } }))).toEqual({ answers: { p1: { selected: ['a'] } } });
  });

  it('sends the anonymity choice only when the survey leaves it to the respondent', () => {
    const values = answered({ p1: { selected: ['a'] } }, true);
    expect(toResponsePayload(definition, 'optional', values)).toEqual({ answers: { p1: { selected: ['a'] } }, anonymous: true });
    expect(toResponsePayload(definition, 'optional', { ...values, anonymous: false }).anonymous).toBe(false);
    expect(toResponsePayload(definition, 'anonymous', values)).not.toHaveProperty('anonymous');
    expect(toResponsePayload(definition, 'named', values)).not.toHaveProperty('anonymous');
  });

  it('finds a required question left blank and a number that is not one', () => {
    const problems = findAnswerProblems(definition, answered({ 12: { number: 'doce' } }));
    expect(Object.fromEntries(problems)).toEqual({ p1: 'Pregunta p1: falta la respuesta (es obligatoria).', 12: 'Pregunta 12: el número no es válido.' });
    expect(findAnswerProblems(definition, answered({ p1: { selected: ['a'] }, 12: { number: '-4' } })).size).toBe(0);
    expect(readNumber('1 200')).toBe(1200);
    expect(readNumber('1e3')).toBeNaN();
  });

  it('sends a question shown by a condition only while its trigger has the option, and the text of an «other» option', () => {
    const conditional: TemplateDefinition = {
      sections: [
        {
          key: 's1',
          title: '',
          description: null,
          questions: [
            { ...question('p1', 'single_choice'), options: [{ key: 'si', label: 'Sí' }, { key: 'otro', label: 'Otro (precisar)', other: true }] },
            { ...question('p2', 'open'), condition: { questionKey: 'p1', anyOf: ['si'] } },
          ],
        },
      ],
    };
    const values = blankResponse(conditional);
    values.answers.q_p1 = { selected: ['otro'], number: '', text: 'Foros regionales' };
    values.answers.q_p2 = { selected: [], number: '', text: 'Escrita antes de cambiar de opción' };
    expect(visibleQuestions(conditional, values).map((q) => q.key)).toEqual(['p1']);
    expect(toResponsePayload(conditional, 'anonymous', values)).toEqual({ answers: { p1: { selected: ['otro'], text: 'Foros regionales' } } });
    values.answers.q_p1 = { selected: ['si'], number: '', text: 'Foros regionales' };
    // The text goes only with the «other» option it specifies.
    expect(toResponsePayload(conditional, 'anonymous', values)).toEqual({ answers: { p1: { selected: ['si'] }, p2: { text: 'Escrita antes de cambiar de opción' } } });
    values.answers.q_p1 = { selected: ['otro'], number: '', text: ' ' };
    expect(findAnswerProblems(conditional, values).get('p1')).toBe('Pregunta p1: precise «Otro (precisar)».');
  });

  it("places the API's issues at their question", () => {
    const error = new ApiError(422, 'validation', '', [
      { path: 'answers.p2.selected', message: 'Opción desconocida.' },
      { path: 'answers.12', message: 'Debe ser un número entre 0 y 100.' },
      { path: 'anonymous', message: 'Esta encuesta no admite respuestas anónimas.' },
    ]);
    const { byQuestion, other } = issuesByQuestion(error);
    expect(Object.fromEntries(byQuestion)).toEqual({ p2: 'Opción desconocida.', 12: 'Debe ser un número entre 0 y 100.' });
    expect(other).toEqual(['Esta encuesta no admite respuestas anónimas.']);
    // A path that starts at the question key is placed too, when the key is one of the survey's.
    const bare = new ApiError(422, 'validation', '', [{ path: 'p4.text', message: 'Pregunta 4: falta la respuesta.' }]);
    expect(Object.fromEntries(issuesByQuestion(bare, ['p4']).byQuestion)).toEqual({ p4: 'Pregunta 4: falta la respuesta.' });
  });
});
