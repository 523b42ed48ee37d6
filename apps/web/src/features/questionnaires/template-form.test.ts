import { TemplateDefinitionSchema } from '@telar/domain';
import { describe, expect, it } from 'vitest';
import { blankQuestion, definitionToForm, formToDefinition, parseKeyedLines, toKey } from './template-form';

describe('parseKeyedLines', () => {
  it('makes keys from labels, keeps written keys and numbers repeats', () => {
    expect(parseKeyedLines('Atención a víctimas\n\n sep | Secretaría de Educación \nAtención a víctimas')).toEqual([
      { key: 'atencion_a_victimas', label: 'Atención a víctimas' },
      { key: 'sep', label: 'Secretaría de Educación' },
      { key: 'atencion_a_victimas_2', label: 'Atención a víctimas' },
    ]);
  });

  it('never gives an empty key', () => {
    expect(toKey('¿?')).toBe('opcion');
  });
});

describe('formToDefinition', () => {
  it('builds a definition the domain accepts from a template written from scratch', () => {
    const first = { ...blankQuestion([]), text: '¿Cuenta con un protocolo?', kind: 'single_choice' as const, optionsText: 'Sí\nNo\nOtros (precisar)' };
    const second = { ...blankQuestion([first.key]), text: 'Describa el protocolo.', conditionKey: first.key, conditionAnyOf: 'si' };
    const definition = formToDefinition({ sections: [{ key: 'general', title: 'Generales', description: '', questions: [first, second] }] });
    const parsed = TemplateDefinitionSchema.safeParse(definition);
    expect(parsed.success).toBe(true);
    expect(definition.sections[0]!.questions[0]!.options).toEqual([
      { key: 'si', label: 'Sí' },
      { key: 'no', label: 'No' },
      { key: 'otros_precisar', label: 'Otros (precisar)', other: true },
    ]);
    expect(definition.sections[0]!.questions[1]!.condition).toEqual({ questionKey: 'p1', anyOf: ['si'] });
    expect(second.key).toBe('p2');
  });

  it('gives back the same definition it was loaded from', () => {
    const definition = TemplateDefinitionSchema.parse({
      sections: [
        {
          key: 's1',
          title: 'Prioridades',
          questions: [
            { key: 'estado', number: '1', text: 'Estado de {codigo}', kind: 'status', statusSource: 'plan', options: [{ key: 'hecho', label: 'Hecho' }], repeat: { over: 'plan_nodes', nodeKind: 'priority' }, withComment: true },
            { key: 'tabla', number: '2', text: 'Cifras', kind: 'table', columns: [{ key: 'anio', label: 'Año' }] },
          ],
        },
      ],
    });
    expect(formToDefinition(definitionToForm(definition))).toEqual(definition);
  });
});
