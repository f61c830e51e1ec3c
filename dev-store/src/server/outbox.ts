import { escapeHtml as esc } from "./html";
import type { ReceivedMail } from "../smtp-sink";

/** The demo's outbox page: what the local SMTP server received, newest first, text parts decoded. */

export function textPart(raw: string): string {
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(raw)?.[1];
  const parts = boundary ? raw.split(`--${boundary}`) : [raw];
  const part =
    parts.find((p) => /content-type:\s*text\/plain/i.test(p)) ?? parts[0];
  const [head, ...rest] = part.split(/\r?\n\r?\n/);
  const body = rest.join("\n\n");
  const encoding = /content-transfer-encoding:\s*([\w-]+)/i
    .exec(head)?.[1]
    ?.toLowerCase();
  if (encoding === "base64")
    return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") {
    const bytes = body
      .replace(/=\r?\n/g, "")
      .replace(/=([0-9A-F]{2})/gi, (_m, h: string) =>
        String.fromCharCode(parseInt(h, 16)),
      );
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  return body;
}

export function outboxPage(mails: ReceivedMail[]): string {
  const rows = [...mails]
    .reverse()
    .map(
      (m) =>
        `<article><header><strong>${esc(m.subject)}</strong><br><small>${esc(m.receivedAt)} · ${esc(m.to.join(", "))} · from ${esc(m.from)}</small></header><pre>${esc(textPart(m.raw).trim())}</pre></article>`,
    )
    .join("");
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5"><title>Outbox · dev store</title><style>body{font:15px/1.6 system-ui,"Hiragino Sans","Noto Sans JP",sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem}article{border:1px solid #ddd;border-radius:8px;padding:12px 16px;margin:12px 0}pre{white-space:pre-wrap;margin:.5rem 0 0;font:inherit;color:#333}</style></head><body><h1>Outbox (${mails.length})</h1><p>Email the app sent through the local SMTP server. Refreshes every 5 seconds.</p>${rows || "<p>Nothing yet.</p>"}</body></html>`;
}
