import { describe, expect, it } from 'vitest';
import { countedAddress, findClientAddress, parseProxyTrust } from './client-address.js';

describe('TELAR_TRUST_PROXY', () => {
  it('trusts nobody when unset: X-Forwarded-For is ignored', () => {
    for (const value of [undefined, '', ' ', '0']) {
      expect(findClientAddress('198.51.100.1', '203.0.113.9', parseProxyTrust(value))).toBe('198.51.100.1');
    }
  });

  it('with a number of hops, takes the address that many proxies before the socket', () => {
    const oneHop = parseProxyTrust('1');
    expect(findClientAddress('10.0.0.2', '203.0.113.9', oneHop)).toBe('203.0.113.9');
    // What the client wrote itself is further left and never taken.
    expect(findClientAddress('10.0.0.2', 'forjada, 203.0.113.9', oneHop)).toBe('203.0.113.9');
    expect(findClientAddress('10.0.0.2', '203.0.113.9, 10.0.0.7', parseProxyTrust('2'))).toBe('203.0.113.9');
    expect(findClientAddress('10.0.0.2', undefined, oneHop)).toBe('10.0.0.2');
  });

  it('with proxy addresses and networks, walks back over them only', () => {
    const trust = parseProxyTrust('10.0.0.0/8, ::1');
    expect(findClientAddress('::ffff:10.0.0.2', 'forjada, 203.0.113.9, 10.1.2.3', trust)).toBe('203.0.113.9');
    expect(findClientAddress('::1', '2001:db8::5', trust)).toBe('2001:db8::5');
    // A request that did not come through a listed proxy is its own client, whatever it claims.
    expect(findClientAddress('198.51.100.1', '203.0.113.9', trust)).toBe('198.51.100.1');
  });

  it('refuses what it cannot read, naming the variable', () => {
    for (const value of ['dos', '10.0.0.0/33', '10.0.0.1,', 'localhost', '-1', '::1/129']) {
      expect(() => parseProxyTrust(value), value).toThrow(/TELAR_TRUST_PROXY/);
    }
  });
});

describe('counted address', () => {
  it('counts IPv4 addresses one by one and IPv6 by /64', () => {
    expect(countedAddress('203.0.113.9')).toBe('203.0.113.9');
    expect(countedAddress('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(countedAddress('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(countedAddress('2001:db8::7')).toBe('2001:db8:0:0::/64');
    expect(countedAddress('::1')).toBe('0:0:0:0::/64');
    expect(countedAddress('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(countedAddress('local')).toBe('local');
  });
});
