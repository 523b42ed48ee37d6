import { SessionAgendaReplaceSchema } from '@telar/domain';
import { describe, expect, it } from 'vitest';
import { formatAgendaTime, toAgendaFormItems } from './agenda';

describe('the agenda editor', () => {
  const saved = [
    { id: 'a', position: 0, startsAt: null, endsAt: null, title: 'Dinámica de integración', presenter: null, notes: null },
    { id: 'b', position: 1, startsAt: '10:00', endsAt: '10:45', title: 'ENAPI', presenter: 'Ricardo Bucio Mújica', notes: null },
  ];

  it('round-trips the saved agenda through its inputs: blanks back to none', () => {
    const values = toAgendaFormItems(saved);
    expect(values[0]).toEqual({ startsAt: '', endsAt: '', title: 'Dinámica de integración', presenter: '', notes: '' });
    const sent = SessionAgendaReplaceSchema.parse({ version: 4, items: values });
    expect(sent.items).toEqual(saved.map(({ startsAt, endsAt, title, presenter, notes }) => ({ startsAt, endsAt, title, presenter, notes })));
  });

  it('shows a range, a start alone, or nothing', () => {
    expect(saved.map(formatAgendaTime)).toEqual([null, '10:00–10:45']);
    expect(formatAgendaTime({ startsAt: '16:00', endsAt: null })).toBe('16:00');
  });

  it('marks the wrong item in the form, by its place in the list', () => {
    const result = SessionAgendaReplaceSchema.safeParse({ items: [...toAgendaFormItems(saved), { startsAt: '9', endsAt: '', title: 'Receso', presenter: '', notes: '' }] });
    expect(result.success).toBe(false);
    expect(result.error!.issues).toEqual([expect.objectContaining({ path: ['items', 2, 'startsAt'], message: expect.stringMatching(/^Punto 3 \(«Receso»\)/) })]);
  });
});
