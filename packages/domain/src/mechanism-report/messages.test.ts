import { describe, expect, it } from 'vitest';
import { MESSAGES_ES_MX } from '../messages/es-MX.js';
import { createDiagnostic, formatSessionTitle } from './messages.js';

describe('formatSessionTitle', () => {
  it.each([
    [{ kind: 'ordinary', number: 21 }, 'Vigésima Primera Sesión Ordinaria'],
    [{ kind: 'ordinary', number: 16 }, 'Décima Sexta Sesión Ordinaria'],
    [{ kind: 'extraordinary', number: 1 }, 'Primera Sesión Extraordinaria'],
    [{ kind: 'permanent', number: null }, 'Sesión Permanente'],
    [{ kind: 'installation', number: null }, 'Sesión de Instalación'],
    [{ kind: 'assembly', number: 2 }, 'Segunda Asamblea'],
  ] as const)('writes %o as "%s"', (session, title) => {
    expect(formatSessionTitle(session)).toBe(title);
  });
});

describe('createDiagnostic', () => {
  it('locates the message by line and field label', () => {
    expect(createDiagnostic('date.unreadable', 42, 'session', { value: '32 de diciembre de 2022' })).toEqual({
      line: 42,
      field: 'Número, tipo de sesión y fecha',
      code: 'date.unreadable',
      message: 'Línea 42, «Número, tipo de sesión y fecha»: no se reconoce la fecha "32 de diciembre de 2022".',
    });
    expect(createDiagnostic('document.empty', 1, undefined)).toEqual({
      line: 1,
      code: 'document.empty',
      message: 'Línea 1: el documento está vacío.',
    });
  });

  it('has a Spanish sentence for every code', () => {
    for (const render of Object.values(MESSAGES_ES_MX)) {
      const text = (render as (params: Record<string, unknown>) => string)({ value: 'x', label: 'x', canonical: 'y', candidates: ['y', 'z'], field: 'x', date: 'x', marker: '1', from: 'a', to: 'b', line: '1' });
      expect(text).toMatch(/^[A-Za-zÁÉÍÓÚáéíóúñ«]/);
      expect(text).not.toContain('undefined');
    }
  });
});
