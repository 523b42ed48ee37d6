import { describe, expect, it } from 'vitest';
import { describeCoverage, isListShort } from './network-coverage';

describe('describeCoverage', () => {
  it('says a list shorter than the declared size is incomplete, with both figures', () => {
    const text = describeCoverage({ declaredMembers: 446, members: 12 });
    expect(text).toBe('Telar registra 12 integrantes vigentes de los 446 que la red declara: la lista está incompleta y no representa a toda la red.');
    expect(isListShort({ declaredMembers: 446, members: 12 })).toBe(true);
  });

  it('uses the singular for one member and groups thousands', () => {
    expect(describeCoverage({ declaredMembers: 5000, members: 1 })).toMatch(/^Telar registra 1 integrante vigente de los 5,000 /);
  });

  it('never calls a list complete when the network declared no size', () => {
    const text = describeCoverage({ declaredMembers: null, members: 30 });
    expect(text).toContain('no se sabe si la lista está completa');
    expect(isListShort({ declaredMembers: null, members: 30 })).toBe(true);
  });

  it('states both figures without a warning once the list reaches the declared size', () => {
    expect(describeCoverage({ declaredMembers: 3, members: 3 })).toBe('Telar registra 3 integrantes vigentes; la red declara 3.');
    expect(isListShort({ declaredMembers: 3, members: 3 })).toBe(false);
  });
});
