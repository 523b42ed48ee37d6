import { describe, expect, it } from 'vitest';
import { computeSimilarity, createLabelMatcher } from './labels.js';
import { normalizeLabel } from './normalize.js';

describe('normalizeLabel', () => {
  it.each([
    ['Acuerdo(s) adoptado(s)¹:', 'acuerdo adoptado'],
    ['Acciones en las que la participación fue/es relevante', 'acciones en las que la participacion fue relevante'],
    [`Medios\u00A0de   verificación [2]`, 'medios de verificacion'],
    ['Participante*:', 'participante'],
    ['del acuerdo/ o en\r\nseguimiento', 'del acuerdo o en seguimiento'],
  ])('reads "%s" as "%s"', (text, key) => {
    expect(normalizeLabel(text)).toBe(key);
  });
});

describe('createLabelMatcher', () => {
  const matcher = createLabelMatcher({ start: ['Fecha de inicio', 'Inicio'], end: ['Fecha de término', 'Fecha límite'], owner: ['Responsables'] });

  it('matches a normalised label exactly, naming the canonical label', () => {
    expect(matcher.match('FECHA LÍMITE:')).toEqual({ kind: 'exact', field: 'end', label: 'Fecha de término' });
  });

  it('takes a close label with its similarity', () => {
    expect(matcher.match('Responsable')).toMatchObject({ kind: 'close', field: 'owner', label: 'Responsables' });
  });

  it('calls a label about as close to two fields ambiguous', () => {
    expect(matcher.match('Fecha de')).toEqual({ kind: 'none' });
    expect(matcher.match('Fecha de inicia')).toMatchObject({ kind: 'close', field: 'start' });
    expect(matcher.match('Fecha de térmicio')).toMatchObject({ kind: 'close', field: 'end' });
    const ambiguous = createLabelMatcher({ a: ['Fecha de alta'], b: ['Fecha de baja'] }).match('Fecha de lata');
    expect(ambiguous).toEqual({ kind: 'ambiguous', labels: ['Fecha de alta', 'Fecha de baja'] });
  });

  it('does not take a distant label, nor compute anything without `similar`', () => {
    expect(matcher.match('Observaciones')).toEqual({ kind: 'none' });
    expect(matcher.match('Responsable', false)).toEqual({ kind: 'none' });
  });
});

describe('computeSimilarity', () => {
  it('is 1 − edit distance ÷ longer length', () => {
    expect(computeSimilarity('abcd', 'abcd')).toBe(1);
    expect(computeSimilarity('abcd', 'abed')).toBe(0.75);
    expect(computeSimilarity('', '')).toBe(1);
  });
});
