/**
 * The bench's SMTP server in its own process (as a mail provider would be): counts each message by
 * its idempotency key and the time it arrived; answers the parent's "report" with the counts.
 */
import { startSmtpSink } from "../../dev-store/src/smtp-sink";

const sink = await startSmtpSink();
const received = new Map<string, { n: number; at: number }>();
sink.onMessage = (mail) => {
  const key = mail.key ?? "";
  const r = received.get(key);
  if (r) r.n++;
  else received.set(key, { n: 1, at: Date.now() });
};
// Keep nothing else in memory: the counts are all the bench needs.
const keep = sink.mails;
setInterval(() => (keep.length = 0), 1000).unref();
process.send?.({ url: sink.url });
process.on("message", async (m: { type: string }) => {
  if (m.type !== "report") return;
  await sink.close();
  // Exit only once the report has left: process.exit() right after send() can drop a large
  // message, and the parent then waited on a closed channel and exited without a word.
  process.send?.({ report: [...received] }, undefined, {}, () =>
    process.exit(0),
  );
});
