import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  PermanentChannelError,
  TransientChannelError,
  UncertainChannelError,
} from "./channel";
import { emailChannel } from "./email.server";

/**
 * A scripted SMTP server, to fail at each moment of a send: `at` names the moment (a command, or
 * "." for the end of the message body) and `then` what the server does there instead of "250".
 */
type Script = {
  at: "MAIL" | "RCPT" | "DATA" | ".";
  /** "reset", "silence", "delay:<ms>" (then "250"), or a reply line. */
  then: string;
};
const servers: net.Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((s) => new Promise((r) => s.close(r))),
  );
});

async function smtp(script: Script | null) {
  const got = { bodies: 0 };
  const server = net.createServer((socket) => {
    socket.on("error", () => undefined);
    socket.write("220 test\r\n");
    let inData = false;
    let buffer = "";
    const fail = () => {
      const delay = /^delay:(\d+)$/.exec(script!.then);
      if (delay) setTimeout(() => socket.write("250 ok\r\n"), Number(delay[1]));
      else if (script!.then === "reset") socket.resetAndDestroy();
      else if (script!.then !== "silence") socket.write(`${script!.then}\r\n`);
    };
    socket.on("data", (d: Buffer) => {
      buffer += d.toString("utf8");
      let i: number;
      while ((i = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (inData) {
          if (line !== ".") continue;
          inData = false;
          got.bodies++;
          if (script?.at === ".") fail();
          else socket.write("250 queued\r\n");
          continue;
        }
        const cmd = line.slice(0, 4).toUpperCase();
        if (script && cmd === script.at) fail();
        else if (cmd === "EHLO" || cmd === "HELO") socket.write("250 ok\r\n");
        else if (cmd === "DATA") {
          inData = true;
          socket.write("354 go on\r\n");
        } else if (cmd === "QUIT") socket.end("221 bye\r\n");
        else socket.write("250 ok\r\n");
      }
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return { port, got };
}

const send = (port: number, sendTimeoutMs?: number) =>
  emailChannel({
    host: "127.0.0.1",
    port,
    secure: false,
    from: "shop@example.com",
    socketTimeoutMs: 300,
    sendTimeoutMs,
  }).send({
    idemKey: `k-${port}`,
    to: "hanako@example.com",
    subject: "s",
    body: "<p>x</p>",
  });

describe("SMTP failures, by when they happen", () => {
  it("sends through a server that answers", async () => {
    const { port, got } = await smtp(null);
    await expect(send(port)).resolves.toHaveProperty("providerId");
    expect(got.bodies).toBe(1);
  });

  it("calls a silent or dropped connection after the message body uncertain: the server may have it", async () => {
    for (const then of ["silence", "reset"]) {
      const { port, got } = await smtp({ at: ".", then });
      const error = await send(port).catch((e: unknown) => e);
      expect(error, then).toBeInstanceOf(UncertainChannelError);
      expect(got.bodies).toBe(1);
    }
  });

  it("retries failures before the body left: no connection, a drop or silence before DATA, a 4xx reply", async () => {
    const closed = net.createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const unused = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    expect(await send(unused).catch((e: unknown) => e)).toBeInstanceOf(
      TransientChannelError,
    );
    for (const script of [
      { at: "MAIL", then: "reset" },
      { at: "RCPT", then: "silence" },
      { at: "DATA", then: "reset" },
      { at: "RCPT", then: "451 4.3.0 try later" },
      { at: ".", then: "451 4.3.0 try later" },
    ] as Script[]) {
      const { port } = await smtp(script);
      const error = await send(port).catch((e: unknown) => e);
      expect(error, JSON.stringify(script)).toBeInstanceOf(
        TransientChannelError,
      );
    }
  });

  it("never lets a send it gave up on deliver its message afterwards", async () => {
    // The server takes longer than the send may to accept the recipient, then goes on.
    const { port, got } = await smtp({ at: "RCPT", then: "delay:250" });
    expect(await send(port, 100).catch((e: unknown) => e)).toBeInstanceOf(
      TransientChannelError,
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(got.bodies).toBe(0);
  });

  it("fails a 5xx refusal for good, even of the message body", async () => {
    for (const script of [
      { at: "RCPT", then: "550 5.1.1 no such user" },
      { at: ".", then: "554 5.7.1 rejected" },
    ] as Script[]) {
      const { port } = await smtp(script);
      expect(await send(port).catch((e: unknown) => e)).toBeInstanceOf(
        PermanentChannelError,
      );
    }
  });
});
