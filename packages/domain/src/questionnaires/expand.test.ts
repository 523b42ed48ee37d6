import { describe, expect, it } from 'vitest';
import { answerPlainText, describePeriodEs, expandQuestions, isAnswerEmpty } from './expand.js';
import { emptyAnswer, type TemplateDefinition, TemplateDefinitionSchema } from './model.js';

const template: TemplateDefinition = TemplateDefinitionSchema.parse({
  sections: [
    {
      key: 'general',
      title: 'Información general',
      questions: [
        { key: 'marco', number: '1', text: 'Describa el marco legal vigente en {periodo}.', kind: 'open' },
        { key: 'presupuesto', number: '2', text: '¿Hubo presupuesto?', kind: 'yes_no' },
      ],
    },
    {
      key: 'prioridades',
      title: 'Prioridades del plan',
      questions: [
        {
          key: 'avance',
          number: '3',
          text: 'Prioridad {codigo} «{titulo}» (estado: {estado}): ¿qué se hizo de {periodo}?',
          kind: 'open',
          repeat: { over: 'plan_nodes', nodeKind: 'priority' },
          help: 'Sobre {titulo}.',
        },
        { key: 'anexo', number: 'A', text: 'Anexos', kind: 'open' },
        { key: 'otros', number: '4', text: '¿Algo más?', kind: 'open' },
      ],
    },
  ],
});

const context = {
  planNodes: [
    { id: '00000000-0000-4000-8000-000000000001', kind: 'axis', code: '1', title: 'Eje', status: null },
    { id: '00000000-0000-4000-8000-000000000002', kind: 'priority', code: '1.1', title: 'Prevención', status: 'in_progress' },
    { id: '00000000-0000-4000-8000-000000000003', kind: 'priority', code: '1.2', title: 'Atención', status: null },
    { id: '00000000-0000-4000-8000-000000000004', kind: 'priority', code: '1.3', title: 'Justicia', status: 'completed' },
  ],
  periodFrom: '2025-01-01',
  periodTo: '2025-12-31',
  statuses: [
    { key: 'in_progress', label: 'En curso' },
    { key: 'completed', label: 'Concluida' },
  ],
};

describe('expandQuestions', () => {
  it('makes one question per node of the kind, in plan order, and shifts the numbers after it', () => {
    const questions = expandQuestions(template, context);
    expect(questions.map((q) => [q.number, q.key, q.planNodeId?.slice(-1) ?? null])).toEqual([
      ['1', 'marco', null],
      ['2', 'presupuesto', null],
      ['3', 'avance', '2'],
      ['4', 'avance', '3'],
      ['5', 'avance', '4'],
      ['A', 'anexo', null],
      ['6', 'otros', null],
    ]);
    expect(questions.map((q) => q.position)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(questions[2]!.section).toBe('Prioridades del plan');
  });

  it('fills in the node code, title and status label, and the period in words', () => {
    const questions = expandQuestions(template, context);
    expect(questions[0]!.text).toBe('Describa el marco legal vigente en enero de 2025 a diciembre de 2025.');
    expect(questions[2]!.text).toBe('Prioridad 1.1 «Prevención» (estado: En curso): ¿qué se hizo de enero de 2025 a diciembre de 2025?');
    expect(questions[3]!.text).toContain('(estado: sin estado registrado)');
    expect(questions[4]!.text).toContain('Prioridad 1.3 «Justicia» (estado: Concluida)');
    expect(questions[4]!.definition).toMatchObject({ number: '5', text: questions[4]!.text, help: 'Sobre Justicia.' });
  });

  it('numbers repeated non-numeric questions under their own number and leaves unknown placeholders as written', () => {
    const lettered = TemplateDefinitionSchema.parse({
      sections: [{ key: 's', title: '', questions: [{ key: 'q', number: 'B', text: '{codigo} en {periodo}', kind: 'open', repeat: { over: 'plan_nodes', nodeKind: 'priority' } }] }],
    });
    const questions = expandQuestions(lettered, { ...context, periodTo: null });
    expect(questions.map((q) => [q.number, q.text, q.section])).toEqual([
      ['B.1', '1.1 en {periodo}', null],
      ['B.2', '1.2 en {periodo}', null],
      ['B.3', '1.3 en {periodo}', null],
    ]);
  });

  it('asks about a dated node only in an exercise whose period it overlaps, numbering it among the repeated ones', () => {
    const steps = TemplateDefinitionSchema.parse({
      sections: [
        {
          key: 'pasos',
          title: 'Avances generales entre enero y diciembre de {año}',
          questions: [
            { key: 'paso', number: '9', text: '¿Cuál es la situación de su próximo paso {n} [«{titulo}»]?', kind: 'status', statusSource: 'plan', repeat: { over: 'plan_nodes', nodeKind: 'next_step' } },
            { key: 'informe', number: '10', text: 'Desde {inicio} hasta {fin}, informe anual {año_anterior}-{año}; prioridades de {año_siguiente}.', kind: 'open' },
          ],
        },
      ],
    });
    const planNodes = [
      { id: '00000000-0000-4000-8000-000000000011', kind: 'next_step', code: 'PP1', title: 'Plan 2024', status: null, startDate: '2024-01-01', dueDate: '2024-12-31' },
      { id: '00000000-0000-4000-8000-000000000012', kind: 'next_step', code: '2025-1', title: 'Capacitación', status: null, startDate: '2025-01-01', dueDate: '2025-12-31' },
      { id: '00000000-0000-4000-8000-000000000013', kind: 'next_step', code: '2025-2', title: 'Plan 2025-2030', status: null, startDate: '2025-01-01', dueDate: '2025-12-31' },
      { id: '00000000-0000-4000-8000-000000000014', kind: 'next_step', code: 'S', title: 'Sin fechas', status: null },
    ];
    const of2024 = expandQuestions(steps, { ...context, planNodes, periodFrom: '2024-01-01', periodTo: '2024-12-31' });
    expect(of2024.map((q) => [q.number, q.text])).toEqual([
      ['1', '¿Cuál es la situación de su próximo paso 1 [«Plan 2024»]?'],
      ['2', '¿Cuál es la situación de su próximo paso 2 [«Sin fechas»]?'],
      ['3', 'Desde enero de 2024 hasta diciembre de 2024, informe anual 2023-2024; prioridades de 2025.'],
    ]);
    expect(of2024[0]!.section).toBe('Avances generales entre enero y diciembre de 2024');
    expect(of2024[0]!.definition.options).toEqual(context.statuses);
    const of2025 = expandQuestions(steps, { ...context, planNodes, periodFrom: '2025-01-01', periodTo: '2025-12-31' });
    expect(of2025.filter((q) => q.key === 'paso').map((q) => q.text)).toEqual([
      '¿Cuál es la situación de su próximo paso 1 [«Capacitación»]?',
      '¿Cuál es la situación de su próximo paso 2 [«Plan 2025-2030»]?',
      '¿Cuál es la situación de su próximo paso 3 [«Sin fechas»]?',
    ]);
  });

  it('gives no question for a kind the plan does not have', () => {
    const questions = expandQuestions(template, { ...context, planNodes: context.planNodes.slice(0, 1) });
    expect(questions.map((q) => q.number)).toEqual(['1', '2', 'A', '3']);
  });
});

describe('answers', () => {
  it('tells an empty answer from one that says something', () => {
    expect(isAnswerEmpty(emptyAnswer())).toBe(true);
    expect(isAnswerEmpty({ ...emptyAnswer(), text: { blocks: [{ type: 'paragraph', content: [{ text: '  ' }] }], footnotes: [] } })).toBe(true);
    expect(isAnswerEmpty({ ...emptyAnswer(), text: { blocks: [{ type: 'paragraph', content: [{ text: 'Se capacitó.' }] }], footnotes: [] } })).toBe(false);
    expect(isAnswerEmpty({ ...emptyAnswer(), selected: ['yes'] })).toBe(false);
    expect(isAnswerEmpty({ ...emptyAnswer(), number: 0 })).toBe(false);
    expect(isAnswerEmpty({ ...emptyAnswer(), rows: [['', '']] })).toBe(true);
  });

  it('reads an answer as one line for the history', () => {
    const answer = { ...emptyAnswer(), text: { blocks: [{ type: 'list' as const, ordered: false, items: [[{ text: 'Uno' }], [{ text: 'Dos' }]] }], footnotes: [] }, number: 12 };
    expect(answerPlainText(answer)).toBe('Uno / Dos / 12');
  });

  it('writes a period in words only when both ends are known', () => {
    expect(describePeriodEs('2024-03-15', '2025-02-01')).toBe('marzo de 2024 a febrero de 2025');
    expect(describePeriodEs(null, '2025-02-01')).toBeNull();
  });
});
