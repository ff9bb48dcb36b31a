import net from 'node:net';

/**
 * A list of addresses and CIDR ranges, comma-separated ("127.0.0.1, ::1, 10.0.0.0/8"), as a BlockList to check
 * addresses against; throws naming the first wrong entry. Used for METRICS_ALLOW (checked when the settings are
 * read, so a wrong value stops the start at once).
 */
export function addressList(setting: string): net.BlockList {
  const list = new net.BlockList();
  for (const entry of setting
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [address, bits, ...rest] = entry.split('/');
    const family = net.isIPv4(address ?? '') ? 'ipv4' : net.isIPv6(address ?? '') ? 'ipv6' : null;
    const max = family === 'ipv4' ? 32 : 128;
    const prefix = bits === undefined ? max : /^\d{1,3}$/.test(bits) ? Number(bits) : NaN;
    if (!family || rest.length || !(prefix >= 0 && prefix <= max)) {
      throw new Error(`"${entry}" is not an address or a range such as 10.0.0.0/8`);
    }
    list.addSubnet(address!, prefix, family);
  }
  return list;
}

/** Whether `address` (IPv4, IPv6, or IPv4 mapped into IPv6) is in `list`. */
export function inAddressList(list: net.BlockList, address: string): boolean {
  const plain = address.startsWith('::ffff:') && net.isIPv4(address.slice(7)) ? address.slice(7) : address;
  const family = net.isIPv4(plain) ? 'ipv4' : net.isIPv6(plain) ? 'ipv6' : null;
  return family !== null && list.check(plain, family);
}
