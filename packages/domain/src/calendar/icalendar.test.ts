import { describe, expect, it } from 'vitest';
import { escapeCalendarText, foldCalendarLine, writeCalendar } from './icalendar.js';

const octets = (text: string) => new TextEncoder().encode(text).length;

describe('writeCalendar', () => {
  const calendar = writeCalendar({
    name: 'Telar · Lucía Méndez',
    now: new Date('2026-12-02T17:30:05.123Z'),
    events: [
      {
        uid: 'session-1@telar',
        date: '2026-12-31',
        summary: 'Vigésima Cuarta Sesión Ordinaria, COMSE',
        description: 'Orden del día; acuerdos\nSegunda línea',
        url: 'https://telar.example.mx/sesiones/1',
      },
    ],
  });

  it('writes an all-day event on its Mexico City day, ending the next day (also across a year)', () => {
    expect(calendar).toContain('\r\nDTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n');
    expect(calendar).toContain('\r\nDTSTAMP:20261202T173005Z\r\n');
    expect(calendar.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(calendar.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(calendar.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('escapes text values and keeps accents', () => {
    expect(calendar).toContain('SUMMARY:Vigésima Cuarta Sesión Ordinaria\\, COMSE\r\n');
    expect(calendar).toContain('DESCRIPTION:Orden del día\\; acuerdos\\nSegunda línea\r\n');
    expect(escapeCalendarText('a\\b')).toBe('a\\\\b');
  });
});

describe('foldCalendarLine', () => {
  it('keeps every physical line within 75 octets, never splitting a character, and unfolds to the original', () => {
    const line = `SUMMARY:${'Niñas, niños y adolescentes — protección integral '.repeat(6)}`;
    const folded = foldCalendarLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(4);
    for (const part of physical) expect(octets(part)).toBeLessThanOrEqual(75);
    expect(physical.slice(1).every((part) => part.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  it('leaves a short line alone', () => {
    expect(foldCalendarLine('VERSION:2.0')).toBe('VERSION:2.0');
  });
});
