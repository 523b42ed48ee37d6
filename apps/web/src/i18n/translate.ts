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

/** Looks up a message and fills its `{name}` placeholders. */
export function t(key: MessageKey, params?: MessageParams): string {
  const message = catalogue[key];
  if (!params) return message;
  return message.replace(/\{(\w+)\}/g, (placeholder, name: string) => String(params[name] ?? placeholder));
}
