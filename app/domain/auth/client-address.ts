import ipaddr from "ipaddr.js";

/**
 * Who a per-client limit counts. One person can hold many addresses: an IPv6 home line or phone
 * gets a whole /64 network from its provider and picks new addresses inside it at will, so
 * IPv6 clients are counted per /64. An IPv4 address counts as itself, and an IPv4 address
 * written as IPv6 (::ffff:192.0.2.1, as a dual-stack socket reports it) counts as that IPv4
 * address. Anything that isn't an address (an empty or "unknown" peer) counts as itself.
 *
 * The result is idempotent: the subject of a subject is the same subject.
 */
export function clientSubject(address: string): string {
  const bare = address.trim().replace(/%.*$/, ""); // an IPv6 zone id (fe80::1%eth0) names an interface, not a client
  if (bare.endsWith("::/64")) return bare;
  if (!ipaddr.isValid(bare)) return address;
  let parsed = ipaddr.parse(bare);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  if (parsed.kind() === "ipv4") return parsed.toString();
  const parts = (parsed as ipaddr.IPv6).parts.slice(0, 4);
  return `${parts.map((part) => part.toString(16)).join(":")}::/64`;
}
