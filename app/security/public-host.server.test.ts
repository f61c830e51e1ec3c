import net from "node:net";
import { describe, expect, it } from "vitest";
import {
  isPrivateAddress,
  isPrivateHostName,
  publicLookup,
} from "./public-host.server";

describe("public hosts", () => {
  it("knows the addresses of the app's own machine and network", () => {
    for (const ip of [
      "127.0.0.1",
      "10.1.2.3",
      "172.20.0.5",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "::",
      "fd00::1",
      "fe80::1",
      "::ffff:127.0.0.1",
    ])
      expect(isPrivateAddress(ip)).toBe(true);
    for (const ip of ["8.8.8.8", "203.0.113.9", "2001:db8::1", "172.32.0.1"])
      expect(isPrivateAddress(ip)).toBe(false);
    for (const host of [
      "localhost",
      "LOCALHOST.",
      "redis",
      "metadata.google.internal",
      "printer.local",
      "127.0.0.1",
      "169.254.169.254",
    ])
      expect(isPrivateHostName(host)).toBe(true);
    for (const host of ["smtp.example.com", "smtp.gmail.com", "203.0.113.9"])
      expect(isPrivateHostName(host)).toBe(false);
  });

  it("fails a connection whose name resolves to a private address", async () => {
    // "localhost" resolves without a network; a socket given this lookup never opens.
    const error = await new Promise<Error>((resolve) => {
      const socket = net.connect({
        host: "localhost",
        port: 9,
        lookup: publicLookup,
      });
      socket.once("error", resolve);
      socket.once("connect", () => {
        socket.destroy();
        resolve(new Error("connected"));
      });
    });
    expect(error.message).toMatch(/not a public address/);
  });

  it("answers a public address in both shapes net.connect asks for", async () => {
    const one = await new Promise<[string, number]>((resolve, reject) =>
      publicLookup("203.0.113.9", {}, (error, address, family) =>
        error ? reject(error) : resolve([address as string, family!]),
      ),
    );
    expect(one).toEqual(["203.0.113.9", 4]);
    const all = await new Promise<unknown>((resolve, reject) =>
      publicLookup("203.0.113.9", { all: true }, (error, addresses) =>
        error ? reject(error) : resolve(addresses),
      ),
    );
    expect(all).toEqual([{ address: "203.0.113.9", family: 4 }]);
  });
});
