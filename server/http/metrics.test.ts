import { describe, expect, it } from 'vitest';
import { routeLabel } from '~/utils/metrics.server.ts';
import { addressList, inAddressList } from '~/utils/addresses.ts';
import { readEnv } from '~/utils/env.server.ts';

describe('metrics labels and access', () => {
  it('labels a request by its route’s shape, so that ids, slugs and made-up paths add no label', () => {
    expect(routeLabel('/p/programme-2027/sections/abcdefghijkmnpqr', 200)).toBe('/p/:slug/sections/:id');
    expect(routeLabel('/p/other-slug/sections/zyxwvutsrqponmlk.data', 200)).toBe('/p/:slug/sections/:id.data');
    expect(routeLabel('/p/programme-2027/v/3/chapters/abcdefghijkmnpqr', 200)).toBe('/p/:slug/v/:n/chapters/:id');
    expect(routeLabel('/api/v1/programs/programme-2027/versions/2', 200)).toBe('/api/v1/programs/:slug/versions/:n');
    expect(routeLabel('/build/_shared/chunk-ABC.js', 200)).toBe('/build/*');
    expect(routeLabel('/anything/at/all', 404)).toBe(':not-found');
    expect(routeLabel('/', 200)).toBe('/');
    expect(routeLabel('/a/b/c/d/e/f/g/h/i', 200)).toBe('/a/b/c/d/e/f/…');
    expect(routeLabel('/p/x/%3Cscript%3E', 200)).toBe('/p/:slug/:value');
  });

  it('reads addresses and ranges, and names a wrong entry', () => {
    const list = addressList('127.0.0.1, ::1, 10.0.0.0/8');
    expect(inAddressList(list, '127.0.0.1')).toBe(true);
    expect(inAddressList(list, '::ffff:127.0.0.1')).toBe(true);
    expect(inAddressList(list, '10.20.30.40')).toBe(true);
    expect(inAddressList(list, '11.0.0.1')).toBe(false);
    expect(inAddressList(list, '::1')).toBe(true);
    expect(inAddressList(list, '::2')).toBe(false);
    expect(inAddressList(list, 'not an address')).toBe(false);
    expect(inAddressList(addressList(''), '127.0.0.1')).toBe(false);
    expect(() => addressList('localhost')).toThrow('"localhost" is not an address');
    expect(() => addressList('10.0.0.0/33')).toThrow('"10.0.0.0/33" is not an address');
    expect(() => addressList('10.0.0.0/8/1')).toThrow('"10.0.0.0/8/1" is not an address');
    // A wrong setting stops the start with the variable's name.
    expect(() => readEnv({ NODE_ENV: 'test', METRICS_ALLOW: '10.0.0.1, nowhere' })).toThrow(
      /METRICS_ALLOW: "nowhere" is not an address/,
    );
  });
});
