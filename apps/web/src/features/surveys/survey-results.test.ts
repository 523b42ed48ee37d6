import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SurveyQuestionResult, SurveyResultsView } from '../../api/survey-resources';
import { formatShare, OptionsTable, QuestionResult, ResultsSummary, SegmentFilter } from './survey-results.component';

/** Four respondents chose 6 options in all: a multiple choice's two shares differ. */
const multiple: SurveyQuestionResult = {
  key: 'p2',
  number: '2',
  text: '¿Qué valoras del Pacto?',
  kind: 'multiple_choice',
  answers: 4,
  mentions: 6,
  options: [
    { key: 'red', label: 'La red', respondents: 3, mentions: 3, shareOfRespondents: 0.75, shareOfMentions: 0.5 },
    { key: 'incidencia', label: 'La incidencia', respondents: 2, mentions: 2, shareOfRespondents: 0.5, shareOfMentions: 1 / 3 },
    { key: 'otros', label: 'Otros', respondents: 1, mentions: 1, shareOfRespondents: 0.25, shareOfMentions: 1 / 6 },
  ],
  numberSummary: null,
  themes: [],
  published: false,
};

const cells = (html: string) => [...html.matchAll(/<t[dh][^>]*>([^<]*)<\/t[dh]>/g)].map((match) => match[1]);

describe('the results table', () => {
  it('shows a multiple choice both as % of respondents and as % of mentions, each column named', () => {
    const html = renderToStaticMarkup(createElement(OptionsTable, { question: multiple }));
    expect(html).toContain('<caption>Resultados de la pregunta 2. ¿Qué valoras del Pacto?</caption>');
    expect(cells(html).slice(0, 5)).toEqual(['Opción', 'Respondentes', '% de respondentes', 'Menciones', '% de menciones']);
    expect(cells(html).slice(5, 10)).toEqual(['La red', '3', '75 %', '3', '50 %']);
    expect(cells(html).slice(10, 15)).toEqual(['La incidencia', '2', '50 %', '2', '33.3 %']);
  });

  it('shows a single choice by respondents only (its mentions are its respondents)', () => {
    const single = { ...multiple, kind: 'single_choice' as const, mentions: 4 };
    const html = renderToStaticMarkup(createElement(OptionsTable, { question: single }));
    expect(html).toContain('% de respondentes');
    expect(html).not.toContain('% de menciones');
  });

  it('says under a multiple choice that the share of respondents sums over 100 %, and gives its chart the table as text', () => {
    const html = renderToStaticMarkup(createElement(QuestionResult, { question: multiple }));
    expect(html).toContain('suma más de 100 %');
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-label="Gráfica de barras; sus datos están en la tabla «Resultados de la pregunta 2\. ¿Qué valoras del Pacto\?»"/);
  });

  it('writes shares as percentages, none as a dash', () => {
    expect(formatShare(0.125)).toBe('12.5 %');
    expect(formatShare(null)).toBe('—');
  });
});

const results: SurveyResultsView = {
  survey: { id: 's1', title: '¿Cómo percibes al Pacto?', networkName: 'Pacto por la Primera Infancia', anonymity: 'optional', status: 'closed', closedAt: null, publishedAt: null },
  invited: null,
  respondents: null,
  responseRate: null,
  segment: { kind: 'state', value: 'MX-OAX', label: 'Oaxaca' },
  segments: { state: [{ segment: 'MX-JAL', label: 'Jalisco', respondents: 7 }, { segment: 'otros', label: 'Otros', respondents: 5 }], sector: [], commission: [] },
  questions: [multiple],
  suppressed: true,
};

describe('the segment filter and a suppressed segment', () => {
  it('offers only the segment kinds and segments the API returned', () => {
    const html = renderToStaticMarkup(createElement(SegmentFilter, { segments: results.segments, value: { segmentKind: 'state' }, onChange: () => undefined }));
    expect(html).toMatch(/<option value="state"[^>]*>Estado<\/option>/);
    expect(html).not.toContain('value="sector"');
    expect(html).not.toContain('value="commission"');
    expect(html).toContain('Jalisco (7 respuestas)');
    expect(html).toContain('Otros (5 respuestas)');
  });

  it('says a segment too small is not shown', () => {
    const html = renderToStaticMarkup(createElement(ResultsSummary, { results }));
    expect(html).toContain('Grupo de menos de 5 respuestas: no se muestra');
    // The withheld figures are not written as zeros.
    expect(html).not.toMatch(/<dd>0<\/dd>/);
  });
});
