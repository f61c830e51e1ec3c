import dns from "node:dns";
import net from "node:net";

/**
 * Hosts a merchant names (their SMTP server) are reached from the app's own network. Without a
 * check, "127.0.0.1:6379" or "169.254.169.254" would let a merchant probe the app's internal
 * services and read their greetings in the error shown after a test send. In production, such
 * hosts are refused when saved and again when connecting (a public name can resolve to a private
 * address). The app's own relay (FOLLOWUP_SMTP_URL) is the operator's and is not checked.
 */
const blocked = new net.BlockList();
for (const [net4, bits] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, cloud metadata
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4],
] as const)
  blocked.addSubnet(net4, bits, "ipv4");
for (const [net6, bits] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["ff00::", 8], // multicast
] as const)
  blocked.addSubnet(net6, bits, "ipv6");

/** Whether an IP address is loopback, private, link-local or otherwise not on the internet. */
export function isPrivateAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family !== 6) return false;
  // An IPv4 address written as IPv6 (::ffff:127.0.0.1) is that IPv4 address.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  return mapped
    ? blocked.check(mapped, "ipv4")
    : blocked.check(address, "ipv6");
}

/** A host name or address that names the app's own machine or network, without a lookup. */
export function isPrivateHostName(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, "");
  if (net.isIP(h)) return isPrivateAddress(h);
  return (
    h === "localhost" ||
    !h.includes(".") ||
    /\.(localhost|local|internal|localdomain|home\.arpa)$/.test(h)
  );
}

/** Private hosts are allowed outside production: the demo and tests use a local SMTP server. */
export const privateHostsAllowed = () => process.env.NODE_ENV !== "production";

/** A `lookup` for net/tls.connect that fails rather than connect to a private address. */
export const publicLookup: net.LookupFunction = (hostname, options, callback) =>
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, "", 0);
    const list = addresses as dns.LookupAddress[];
    const bad = list.find((a) => isPrivateAddress(a.address));
    if (bad || !list.length)
      return callback(
        Object.assign(new Error(`${hostname} is not a public address`), {
          code: "EPRIVATEHOST",
        }),
        "",
        0,
      );
    if (options.all)
      return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(
        null,
        list,
      );
    callback(null, list[0].address, list[0].family);
  });
