import { esMX, type MessageKey } from './es-MX';

export type { MessageKey };
export type MessageParams = Record<string, string | number>;

/** A message with plural forms: the catalogue holds `key.one` and `key.other` (see formatCount). */
type PluralBase<TKey> = TKey extends `${infer Base}.other` ? (`${Base}.one` extends MessageKey ? Base : never) : never;
export type PluralKey = PluralBase<MessageKey>;

/** The interface speaks es-MX; en.ts mirrors the keys for a future language switch. */
const catalogue: Record<MessageKey, string> = esMX;

/** Whether a key built at run time (a field name from the server…) has a message. */
export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(catalogue, key);
}

const LOCALE = 'es-MX';
const pluralRules = new Intl.PluralRules(LOCALE);
const countFormat = new Intl.NumberFormat(LOCALE);
/** `{name, plural, =0 {…} one {# …} other {# …}}`, ICU's plural argument (branches without nested braces). */
const PLURAL_ARGUMENT = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const PLURAL_BRANCH = /(=\d+|\w+)\s*\{([^{}]*)\}/g;

/** The branch of a plural argument for this count: an exact `=n`, else the Spanish plural category, else `other`; `#` is the count. */
function selectPlural(branches: string, count: number): string {
  const options = new Map([...branches.matchAll(PLURAL_BRANCH)].map((match) => [match[1], match[2] ?? '']));
  const chosen = options.get(`=${count}`) ?? options.get(pluralRules.select(count)) ?? options.get('other') ?? '';
  return chosen.replaceAll('#', countFormat.format(count));
}

/** Looks up a message, chooses its plural forms by the counts given and fills its `{name}` placeholders. */
export function t(key: MessageKey, params?: MessageParams): string {
  return formatMessage(catalogue[key], params);
}

/** Fills a catalogue message (exported for tests of the plural grammar). */
export function formatMessage(message: string, params?: MessageParams): string {
  if (!params) return message;
  return message
    .replace(PLURAL_ARGUMENT, (argument, name: string, branches: string) =>
      typeof params[name] === 'number' ? selectPlural(branches, params[name]) : argument,
    )
    .replace(/\{(\w+)\}/g, (placeholder, name: string) => String(params[name] ?? placeholder));
}
