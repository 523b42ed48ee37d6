import { describe, expect, it } from 'vitest';
import { collectHistoryIds, describeHistoryValue, formatInstantMexicoCity, historyFieldLabel, mexicoCityDay } from './history-text.js';

const REDIM = '7d1c4f0e-2a3b-4c5d-8e9f-0a1b2c3d4e5f';

describe('history in words', () => {
  it('writes a moment in Mexico City time: 00:44 UTC on 2 December is 18:44 on 1 December there', () => {
    expect(formatInstantMexicoCity('2026-12-02T00:44:00.000Z')).toMatch(/^1 de diciembre de 2026.*6:44/);
    expect(mexicoCityDay('2026-12-02T00:44:00.000Z')).toBe('2026-12-01');
    expect(mexicoCityDay('2026-12-02T06:00:00.000Z')).toBe('2026-12-02');
  });

  it('names fields per record kind and values in Spanish', () => {
    expect(historyFieldLabel('agreement', 'dueDate')).toBe('Fecha de cumplimiento');
    expect(historyFieldLabel('report', 'dueDate')).toBe('Fecha límite');
    const names = new Map([[REDIM, 'Red por los Derechos de la Infancia en México (REDIM)']]);
    expect(describeHistoryValue('agreement', 'responsibleOrganizationIds', [REDIM], names)).toBe('Red por los Derechos de la Infancia en México (REDIM)');
    expect(describeHistoryValue('agreement', 'stateCodes', ['MX-COA', 'MX-JAL'], names)).toBe('Coahuila de Zaragoza; Jalisco');
    expect(describeHistoryValue('agreement', 'status', 'fulfilled', names)).toBe('Cumplido');
    expect(describeHistoryValue('organization', 'level', 'state', names)).toBe('Estatal');
    expect(describeHistoryValue('agreement', 'dueDate', '2023-06-30', names)).toBe('30 de junio de 2023');
    expect(describeHistoryValue('user', 'isActive', false, names)).toBe('No');
    expect(describeHistoryValue('user', 'roles', [{ role: 'enlace', bodyId: null, organizationId: REDIM }], names)).toBe(
      'Rol: Enlace de una organización, Organización: Red por los Derechos de la Infancia en México (REDIM)',
    );
    expect(describeHistoryValue('body', 'created', { sessions: 3, agreements: 12 }, names)).toBe('Sesiones: 3, Acuerdos: 12');
    expect(describeHistoryValue('agreement', 'code', null, names)).toBe('—');
  });

  it('finds ids nested in values', () => {
    expect(collectHistoryIds([[REDIM], { organizationId: REDIM }, 'MX-JAL', null])).toEqual([REDIM]);
  });
});
