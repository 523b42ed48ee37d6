import { describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../csv/parse-csv.js';
import { likertOptions, SurveyDefinitionSchema } from './survey-definition.js';
import { responseRate, surveyResultsCsv, surveyResultsJson } from './survey-export.js';
import { countResponses, questionResults } from './survey-results.js';

const definition = SurveyDefinitionSchema.parse({
  sections: [
    {
      key: 's',
      title: 'Percepción',
      questions: [
        {
          key: 'canales',
          number: '1',
          text: 'Medios, "los que uses"',
          kind: 'multiple_choice',
          options: [
            { key: 'correo', label: 'Correo' },
            { key: 'whatsapp', label: 'WhatsApp' },
            { key: 'web', label: '=Página web' },
          ],
        },
        { key: 'valor', number: '2', text: 'Valor', kind: 'rating', options: likertOptions(['Poco', 'Mucho']) },
        { key: 'percibes', number: '3', text: '¿Cómo percibes al Pacto?', kind: 'open' },
        { key: 'reuniones', number: '4', text: 'Reuniones', kind: 'number' },
      ],
    },
  ],
});
const row = (questionKey: string, optionKey: string | null, text: string | null = null) => ({ questionKey, optionKey, number: null, text });
const counts = countResponses([
  { rows: [row('canales', 'correo'), row('canales', 'whatsapp'), row('valor', '2'), row('percibes', null, 'Genera mucho valor')] },
  { rows: [row('canales', 'correo'), row('valor', '1'), row('percibes', null, 'No entiendo qué hace el Pacto')] },
  { rows: [row('valor', '2')] },
]).filter((c) => c.segmentKind === 'all');
const questions = questionResults(definition, counts);
const themes = {
  percibes: [
    { label: 'Genera valor', count: 1 },
    { label: 'Falta de claridad', count: 1 },
  ],
};
const survey = { title: '¿Cómo percibes al "Pacto"?', invited: 7, responses: 3 };

describe('responseRate', () => {
  it('is a share to 4 decimals, null when nobody was invited', () => {
    expect(responseRate(3, 7)).toBe(0.4286);
    expect(responseRate(0, 5)).toBe(0);
    expect(responseRate(2, 2)).toBe(1);
    expect(responseRate(0, 0)).toBeNull();
  });
});

describe('surveyResultsJson', () => {
  it('has exactly the shape of the command line', () => {
    expect(surveyResultsJson(survey, questions, themes)).toEqual({
      survey: '¿Cómo percibes al "Pacto"?',
      invited: 7,
      responses: 3,
      responseRate: 0.4286,
      questions: [
        {
          text: 'Medios, "los que uses"',
          kind: 'multiple_choice',
          answers: 2,
          options: [
            { label: 'Correo', respondents: 2, mentions: 2 },
            { label: 'WhatsApp', respondents: 1, mentions: 1 },
            { label: '=Página web', respondents: 0, mentions: 0 },
          ],
          themes: [],
        },
        { text: 'Valor', kind: 'rating', answers: 3, options: [{ label: 'Poco', respondents: 1, mentions: 1 }, { label: 'Mucho', respondents: 2, mentions: 2 }], themes: [] },
        { text: '¿Cómo percibes al Pacto?', kind: 'open', answers: 2, options: [], themes: [{ label: 'Genera valor', count: 1 }, { label: 'Falta de claridad', count: 1 }] },
        { text: 'Reuniones', kind: 'number', answers: 0, options: [], themes: [] },
      ],
    });
    expect(surveyResultsJson({ ...survey, invited: 0, responses: 0 }, [], {}).responseRate).toBeNull();
  });
});

describe('surveyResultsCsv', () => {
  const csv = surveyResultsCsv(survey, questions, themes);
  const records = parseCsvRecords(csv.replace(/^\uFEFF/, ''));

  it('writes the survey heading as # lines, quotes made harmless', () => {
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines.slice(0, 2)).toEqual(['# Encuesta: ¿Cómo percibes al ”Pacto”?', '# Integrantes invitados: 7; respuestas: 3; tasa de respuesta: 42.9 %']);
  });

  it('has one row per option and per theme, both shares in percent, with Spanish headers', () => {
    expect(Object.keys(records[0]!)).toEqual(['Pregunta', 'Tipo', 'Respuestas', 'Opción', 'Respondentes', '% de respondentes', 'Menciones', '% de menciones', 'Tema', 'Número de respuestas']);
    expect(records.map((r) => Object.values(r))).toEqual([
      ['1. Medios, "los que uses"', 'Opción múltiple', '2', 'Correo', '2', '100', '2', '66.7', '', ''],
      ['1. Medios, "los que uses"', 'Opción múltiple', '2', 'WhatsApp', '1', '50', '1', '33.3', '', ''],
      // A label a spreadsheet would run as a formula is written as text.
      ['1. Medios, "los que uses"', 'Opción múltiple', '2', "'=Página web", '0', '0', '0', '0', '', ''],
      ['2. Valor', 'Calificación', '3', 'Poco', '1', '33.3', '1', '33.3', '', ''],
      ['2. Valor', 'Calificación', '3', 'Mucho', '2', '66.7', '2', '66.7', '', ''],
      ['3. ¿Cómo percibes al Pacto?', 'Abierta', '2', '', '', '', '', '', 'Genera valor', '1'],
      ['3. ¿Cómo percibes al Pacto?', 'Abierta', '2', '', '', '', '', '', 'Falta de claridad', '1'],
      ['4. Reuniones', 'Número', '0', '', '', '', '', '', '', ''],
    ]);
  });

  it('says when nobody was invited', () => {
    expect(surveyResultsCsv({ ...survey, invited: 0, responses: 0 }, [], {})).toContain('tasa de respuesta: sin invitaciones');
  });
});
