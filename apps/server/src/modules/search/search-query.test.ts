import { describe, expect, it } from 'vitest';
import { readSessionReference } from './search-query.js';

describe('readSessionReference', () => {
  it.each([
    ['Vigésima Cuarta', { number: 24, kind: null, bodyWords: '' }],
    ['24', { number: 24, kind: null, bodyWords: '' }],
    ['24a. sesión ordinaria COMSE', { number: 24, kind: 'ordinary', bodyWords: 'comse' }],
    ['vigesima cuarta sesion extraordinaria de la COMPREVNNA', { number: 24, kind: 'extraordinary', bodyWords: 'comprevnna' }],
    ['Sesión de Instalación', { number: null, kind: 'installation', bodyWords: '' }],
    ['Décima Sexta CITI', { number: 16, kind: null, bodyWords: 'citi' }],
  ])('reads «%s» as a session', (text, expected) => {
    expect(readSessionReference(text)).toEqual(expected);
  });

  it('reads words that name no session as none', () => {
    expect(readSessionReference('REDIM')).toBeNull();
    expect(readSessionReference('trabajo infantil 2024')).toBeNull();
  });
});
