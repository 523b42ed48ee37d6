import { describe, expect, it } from 'vitest';
import { formatDate } from './format';
import { formatMessage, t } from './translate';

describe('plural messages', () => {
  it('chooses the Spanish form for 0, 1 and 2', () => {
    const preview = (errors: number, warnings: number) => t('import.previewReady', { errors, warnings });
    expect(preview(0, 2)).toBe('Vista previa lista: 0 errores y 2 advertencias.');
    expect(preview(1, 1)).toBe('Vista previa lista: 1 error y 1 advertencia.');
    expect(preview(2, 0)).toBe('Vista previa lista: 2 errores y 0 advertencias.');
  });

  it('uses an exact form where the message has one, and formats large counts', () => {
    const owed = (count: number, overdue: number) => t('reporting.owedSummary', { count, overdue, date: '5 de enero de 2027' });
    expect(owed(1, 0)).toBe('Tiene 1 reporte por entregar (ninguno vencido); el más próximo vence el 5 de enero de 2027.');
    expect(owed(1, 1)).toContain('(1 vencido)');
    expect(owed(2, 2)).toContain('Tiene 2 reportes por entregar (2 vencidos)');
    expect(formatMessage('{n, plural, one {# fila} other {# filas}}', { n: 1200 })).toBe('1,200 filas');
  });

  it('leaves a plural argument alone when no number is given', () => {
    expect(formatMessage('{n, plural, one {# fila} other {# filas}}', { n: 'x' })).toBe('{n, plural, one {# fila} other {# filas}}');
  });
});

describe('dates of moments', () => {
  it('is the day in Mexico City: 18:44 on 1 December there is 00:44 UTC on 2 December', () => {
    expect(formatDate('2026-12-02T00:44:00.000Z')).toBe('1 de diciembre de 2026');
    expect(formatDate('2026-12-02')).toBe('2 de diciembre de 2026');
  });
});
