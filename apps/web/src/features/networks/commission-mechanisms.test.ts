import { describe, expect, it } from 'vitest';
import { CHANNELS, findCurrentTerm, isCurrentTerm, MODALITIES, withoutBlanks } from './commission-mechanisms';

describe('commission mechanisms', () => {
  it('offers the channels and modalities the domain accepts', () => {
    expect(CHANNELS).toContain('whatsapp');
    expect(CHANNELS).toContain('other');
    expect(MODALITIES).toEqual(['in_person', 'online', 'hybrid']);
  });

  it('sends blank answers as null and keeps the rest as typed', () => {
    expect(withoutBlanks({ rules: '  ', otherChannel: 'Signal', channels: ['email'], frequency: null })).toEqual({
      rules: null,
      otherChannel: 'Signal',
      channels: ['email'],
      frequency: null,
    });
  });
});

describe('focal point terms', () => {
  const terms = [
    { id: 'a', role: 'focal_point' as const, startOn: '2025-01-10', endOn: '2026-03-31' },
    { id: 'b', role: 'focal_point' as const, startOn: '2026-04-01', endOn: null },
    { id: 'c', role: 'alternate' as const, startOn: '2027-01-01', endOn: null },
  ];

  it('counts the end day as still in the term', () => {
    expect(isCurrentTerm(terms[0]!, '2026-03-31')).toBe(true);
    expect(isCurrentTerm(terms[0]!, '2026-04-01')).toBe(false);
  });

  it('finds the term that covers the day, and none for a role designated only from a later day (pending)', () => {
    expect(findCurrentTerm(terms, 'focal_point', '2026-12-03')?.id).toBe('b');
    expect(findCurrentTerm(terms, 'focal_point', '2025-06-01')?.id).toBe('a');
    expect(findCurrentTerm(terms, 'alternate', '2026-12-03')).toBeUndefined();
  });
});
