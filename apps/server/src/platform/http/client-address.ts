import { BlockList, isIP } from 'node:net';

/**
 * Which reverse proxies in front of Telar may say who the client is (`TELAR_TRUST_PROXY`):
 * none (the socket's address is the client, X-Forwarded-For is ignored), a number of proxy hops,
 * or the proxies' addresses and networks.
 */
export type ProxyTrust = { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'addresses'; proxies: BlockList };

const familyOf = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4');

/** Reads TELAR_TRUST_PROXY: empty → none; "2" → two hops; "10.0.0.1, 10.1.0.0/16, ::1" → those proxies. Throws on anything else. */
export function parseProxyTrust(value: string | undefined): ProxyTrust {
  const text = value?.trim() ?? '';
  if (text === '' || text === '0') return { kind: 'none' };
  if (/^\d+$/.test(text)) return { kind: 'hops', hops: Number(text) };
  const proxies = new BlockList();
  for (const entry of text.split(',').map((part) => part.trim())) {
    const [address = '', prefix, ...rest] = entry.split('/');
    const family = familyOf(address);
    const bits = Number(prefix);
    if (!isIP(address) || rest.length || (prefix !== undefined && !(/^\d+$/.test(prefix) && bits <= (family === 'ipv6' ? 128 : 32)))) {
      throw new Error(
        `TELAR_TRUST_PROXY no es válido («${entry}»): use el número de proxies delante de Telar (p. ej. 1) ` +
          'o sus direcciones IP o redes separadas por comas (p. ej. 10.0.0.5,10.1.0.0/16).',
      );
    }
    if (prefix === undefined) proxies.addAddress(address, family);
    else proxies.addSubnet(address, bits, family);
  }
  return { kind: 'addresses', proxies };
}

/** "::ffff:10.0.0.1" (an IPv4 client on a dual-stack socket) is 10.0.0.1. */
const normalize = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');

/**
 * The client's address. Each proxy appends to X-Forwarded-For the address it received the request
 * from, so the chain is read from the right: whatever a client wrote there itself is on the left,
 * beyond the trusted hops, and is never taken.
 */
export function findClientAddress(socketAddress: string, forwardedFor: string | undefined, trust: ProxyTrust): string {
  if (trust.kind === 'none' || !forwardedFor) return normalize(socketAddress);
  const chain = [...forwardedFor.split(',').map((part) => normalize(part.trim())).filter(Boolean), normalize(socketAddress)];
  if (trust.kind === 'hops') return chain[Math.max(0, chain.length - 1 - trust.hops)]!;
  let index = chain.length - 1;
  while (index > 0 && isIP(chain[index]!) && trust.proxies.check(chain[index]!, familyOf(chain[index]!))) index--;
  return chain[index]!;
}

/**
 * What a per-client limit counts: an IPv4 address, or an IPv6 /64 — one customer usually gets a
 * whole /64, so counting single IPv6 addresses would hand out 2^64 budgets.
 */
export function countedAddress(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head = '', tail] = address.replace(/%.*$/, '').split('::');
  const groupsOf = (part: string) => (part ? part.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g])) : []);
  const left = groupsOf(head);
  const right = tail === undefined ? [] : groupsOf(tail);
  const groups = [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(':')}::/64`;
}
