import { inflateSync } from 'node:zlib';

/**
 * The text a PDF shows, as Chromium writes it (page.pdf): Flate-compressed content streams whose text
 * operators (Tj, TJ) draw glyph ids of fonts that carry a ToUnicode map. Enough to ask whether some
 * words are printed; not a general PDF reader (no encryption, object streams or other encodings).
 * Whitespace is not reliable (words are often placed, not separated by spaces): compare without it.
 */
export function extractPdfText(pdf: Buffer): string {
  const objects = readObjects(pdf);
  const fontMaps = new Map<string, Map<string, string>>();
  for (const { dict } of objects.values()) {
    for (const [, fonts] of dict.matchAll(/\/Font\s*<<([^>]*)>>/g)) {
      for (const [, name, ref] of fonts!.matchAll(/\/([\w.+-]+)\s+(\d+)\s+0\s+R/g)) {
        const toUnicode = /\/ToUnicode\s+(\d+)\s+0\s+R/.exec(objects.get(Number(ref))?.dict ?? '');
        const cmap = toUnicode && objects.get(Number(toUnicode[1]))?.stream;
        if (cmap) fontMaps.set(name!, parseToUnicode(cmap.toString('latin1')));
      }
    }
  }
  const parts: string[] = [];
  for (const { dict, stream } of objects.values()) {
    if (!stream || /\/Type\s*\/XRef|\/Subtype|begincmap/.test(dict + stream.subarray(0, 200).toString('latin1'))) continue;
    parts.push(readContentText(stream.toString('latin1'), fontMaps));
  }
  return parts.join('\n');
}

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  for (const match of text.matchAll(/(\d+)\s+0\s+obj\b/g)) {
    const start = match.index! + match[0].length;
    const streamAt = text.indexOf('stream', start);
    const endAt = text.indexOf('endobj', start);
    if (streamAt === -1 || streamAt > endAt) {
      objects.set(Number(match[1]), { dict: text.slice(start, endAt) });
      continue;
    }
    const dict = text.slice(start, streamAt);
    const dataStart = streamAt + 'stream'.length + (text[streamAt + 6] === '\r' ? 2 : 1);
    const length = Number(/\/Length\s+(\d+)(?!\s+0\s+R)/.exec(dict)?.[1] ?? text.indexOf('endstream', dataStart) - dataStart);
    const raw = pdf.subarray(dataStart, dataStart + length);
    objects.set(Number(match[1]), { dict, stream: /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw });
  }
  return objects;
}

const hexToText = (hex: string) => {
  const bytes = Buffer.from(hex.length % 4 ? hex.padEnd(hex.length + (4 - (hex.length % 4)), '0') : hex, 'hex');
  return bytes.swap16().toString('utf16le');
};

/** A font's ToUnicode CMap: glyph code (hex, upper case) → text. */
function parseToUnicode(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const [, block] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, text] of block!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(code!.toUpperCase(), hexToText(text!));
  }
  for (const [, block] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, low, high, target] of block!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]+>|\[[^\]]*\])/g)) {
      const from = parseInt(low!, 16);
      const width = low!.length;
      const targets = target!.startsWith('[') ? [...target!.matchAll(/<([0-9a-fA-F]+)>/g)].map((m) => m[1]!) : null;
      for (let code = from; code <= parseInt(high!, 16); code++) {
        const key = code.toString(16).toUpperCase().padStart(width, '0');
        if (targets) map.set(key, hexToText(targets[code - from] ?? ''));
        else {
          const base = target!.slice(1, -1);
          const value = (parseInt(base.slice(-4), 16) + code - from).toString(16).padStart(4, '0');
          map.set(key, hexToText(base.slice(0, -4) + value));
        }
      }
    }
  }
  return map;
}

/** The text drawn by one content stream: each string of a Tj or TJ decoded with the current font's map. */
function readContentText(content: string, fontMaps: Map<string, Map<string, string>>): string {
  let font: Map<string, string> | undefined;
  const out: string[] = [];
  const decode = (hex: string) => {
    if (!font) return '';
    const width = [...font.keys()][0]?.length ?? 4;
    let text = '';
    for (let i = 0; i + width <= hex.length; i += width) text += font.get(hex.slice(i, i + width).toUpperCase()) ?? '';
    return text;
  };
  for (const match of content.matchAll(/\/([\w.+-]+)\s+[\d.]+\s+Tf|\[((?:[^\]])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj|(Td|TD|Tm|T\*|ET)\b/g)) {
    if (match[1]) font = fontMaps.get(match[1]);
    else if (match[2] !== undefined) out.push([...match[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => decode(m[1]!)).join(''));
    else if (match[3] !== undefined) out.push(decode(match[3]));
    else out.push(' ');
  }
  return out.join('');
}
