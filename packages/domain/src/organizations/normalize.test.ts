import { describe, expect, it } from 'vitest';
import { parseOrganizationName, toOrganizationKey } from './normalize.js';

describe('parseOrganizationName', () => {
  it('gives both spellings of REDIM the same key and acronym', () => {
    const short = parseOrganizationName('Red por los Derechos de la Infancia en México (REDIM)');
    const long = parseOrganizationName('Red por los Derechos de la Infancia en México, A.C. (REDIM)');
    expect(short).toEqual({
      name: 'Red por los Derechos de la Infancia en México',
      acronym: 'REDIM',
      key: 'red por los derechos de la infancia en mexico',
    });
    expect(long.key).toBe(short.key);
    expect(long.acronym).toBe('REDIM');
  });

  it('reads mixed-case acronyms and keeps the written name', () => {
    expect(parseOrganizationName('Asistencia Legal por los Derechos Humanos, A.C. (AsiLEGAL)')).toEqual({
      name: 'Asistencia Legal por los Derechos Humanos, A.C.',
      acronym: 'AsiLEGAL',
      key: 'asistencia legal por los derechos humanos',
    });
  });

  it('leaves names without acronym alone', () => {
    expect(parseOrganizationName('  World   Vision México ')).toEqual({
      name: 'World Vision México',
      acronym: null,
      key: 'world vision mexico',
    });
  });

  it('does not take a parenthesised phrase for an acronym', () => {
    expect(parseOrganizationName('Fundación (en formación)').acronym).toBeNull();
  });

  it.each([
    ['Mexicanos Primero, A.C.', 'mexicanos primero'],
    ['Mexicanos Primero A. C.', 'mexicanos primero'],
    ['Fundación Infancia, I.A.P.', 'fundacion infancia'],
    ['Consultores, S.C.', 'consultores'],
    ['Empresa Segura, S.A. de C.V.', 'empresa segura'],
    ['Banco AC', 'banco ac'],
  ])('drops the legal form of "%s"', (name, key) => {
    expect(toOrganizationKey(name)).toBe(key);
  });
});
