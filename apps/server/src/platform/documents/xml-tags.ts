/** The few XML tools the Office readers (.xlsx, .docx) need: a linear tag walker and attribute reader. */

export interface Tag {
  /** The element's name without its namespace prefix. */
  name: string;
  /** What follows the name inside the tag. */
  attributes: string;
  isEnd: boolean;
  /** `<x/>`: opens and ends. */
  isEmpty: boolean;
  /** The text between the previous tag and this one, entities decoded. */
  text: () => string;
}

/**
 * Calls `visit` with each tag of an XML text, in order. Linear in the length of the text whatever it
 * holds (no pattern here can backtrack across a tag), so a hostile part costs what it weighs.
 * Comments, CDATA and processing instructions are not elements Office writes in these parts.
 */
export function walkTags(xml: string, visit: (tag: Tag) => void): void {
  const pattern = /<(\/?)(?:[\w.-]+:)?([\w.-]+)(?=[\s/>])([^<>]*)>/g;
  let textStart = 0;
  for (let match = pattern.exec(xml); match; match = pattern.exec(xml)) {
    const [, slash, name, attributes] = match as unknown as [string, string, string, string];
    const before = xml.slice(textStart, match.index);
    textStart = pattern.lastIndex;
    visit({ name, attributes, isEnd: slash === '/', isEmpty: attributes.endsWith('/'), text: () => decodeXml(before) });
  }
}

/** A tag's attributes by name (prefixed names keep their prefix: "r:id"). Stops at the first thing that is not one. */
export function readAttributes(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  const pattern = /\s*([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) attributes.set(match[1]!, decodeXml(match[2] ?? match[3] ?? ''));
  return attributes;
}

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(lt|gt|amp|quot|apos));/g, (whole, decimal?: string, hex?: string, name?: string) => {
    if (name) return XML_ENTITIES[name]!;
    const code = decimal ? Number(decimal) : Number.parseInt(hex!, 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
