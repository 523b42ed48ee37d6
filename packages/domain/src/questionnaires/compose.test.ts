import { describe, expect, it } from 'vitest';
import { appendRichText, citedOrganizationIds, composeFromContribution } from './compose.js';
import { type Answer, emptyAnswer } from './model.js';

const SNDIF = '11111111-1111-4111-8111-111111111111';
const STPS = '22222222-2222-4222-8222-222222222222';

const answerWith = (text: Partial<Answer['text']>, selected: string[] = []): Answer => ({ ...emptyAnswer(), text: { blocks: [], footnotes: [], ...text }, selected });

describe('composeFromContribution', () => {
  it('appends the contribution attributed to its organisation and renumbers its footnotes past the answer’s', () => {
    const official = answerWith({
      blocks: [{ type: 'paragraph', content: [{ text: 'El Estado informa' }, { text: '', footnote: '1' }], sources: [STPS] }],
      footnotes: [{ id: '1', content: [{ text: 'Nota de la STPS.' }] }],
    });
    const contribution = answerWith({
      blocks: [
        { type: 'paragraph', content: [{ text: 'El SNDIF capacitó a 300 personas' }, { text: '', footnote: '1' }] },
        { type: 'list', ordered: false, items: [[{ text: 'Protocolo', footnote: '2' }]] },
        { type: 'table', header: ['Año', 'Casos'], rows: [['2023', '']] },
      ],
      footnotes: [
        { id: '1', content: [{ text: 'Informe anual.' }] },
        { id: '2', content: [{ text: 'Véase la nota', footnote: '1' }] },
      ],
    });
    const { answer } = composeFromContribution(official, { organizationId: SNDIF, answer: contribution });
    expect(answer.text.blocks.map((b) => b.sources)).toEqual([[STPS], [SNDIF], [SNDIF], [SNDIF]]);
    expect(answer.text.footnotes.map((f) => f.id)).toEqual(['1', '2', '3']);
    expect(answer.text.blocks[1]).toMatchObject({ content: [{ text: 'El SNDIF capacitó a 300 personas' }, { footnote: '2' }] });
    expect(answer.text.blocks[2]).toMatchObject({ items: [[{ footnote: '3' }]] });
    // A footnote citing another of the contribution's notes follows the renumbering too.
    expect(answer.text.footnotes[2]!.content[0]!.footnote).toBe('2');
    // A blank table cell stays blank.
    expect(answer.text.blocks[3]).toMatchObject({ rows: [['2023', '']] });
    expect(citedOrganizationIds(answer.text)).toEqual([STPS, SNDIF]);
  });

  it('suggests the union of choices for a closed question without applying it', () => {
    const official = answerWith({}, ['yes']);
    const { answer, suggestedSelected } = composeFromContribution(official, { organizationId: SNDIF, answer: answerWith({}, ['not_applicable', 'yes']) });
    expect(answer.selected).toEqual(['yes']);
    expect(suggestedSelected).toEqual(['yes', 'not_applicable']);
  });

  it('skips footnote ids already taken when the answer’s ids are not numbers', () => {
    const base = { blocks: [], footnotes: [{ id: 'a', content: [] }, { id: '1', content: [] }] };
    const merged = appendRichText(base, { blocks: [], footnotes: [{ id: 'a', content: [] }] });
    expect(merged.footnotes.map((f) => f.id)).toEqual(['a', '1', '2']);
  });

  it('keeps the blocks’ own sources when appended without attribution (a carried answer)', () => {
    const carried = { blocks: [{ type: 'paragraph' as const, content: [{ text: 'Del año pasado' }], sources: [STPS] }], footnotes: [] };
    expect(appendRichText({ blocks: [], footnotes: [] }, carried).blocks[0]!.sources).toEqual([STPS]);
  });
});
