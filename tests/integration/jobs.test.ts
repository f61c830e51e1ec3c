import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { LEASE_MS } from "~/jobs/backoff";
import {
  claimJobs,
  completeJob,
  enqueueJob,
  releaseWaitingJobs,
  retryDeadJob,
} from "~/jobs/queue.server";
import { ShopNotConnected } from "~/shops/connection";
import { runDueJobs } from "~/jobs/worker.server";
import { resetDatabase } from "../support/db";

const shop = "jobs-test.myshopify.com";

beforeEach(async () => {
  await resetDatabase(prisma);
});

describe("job queue", () => {
  it("enqueues a key once", async () => {
    expect(
      await enqueueJob(prisma, {
        shop,
        type: "t",
        key: "k1",
        payload: { a: 1 },
      }),
    ).toBe(true);
    expect(
      await enqueueJob(prisma, {
        shop,
        type: "t",
        key: "k1",
        payload: { a: 2 },
      }),
    ).toBe(false);
    expect(await prisma.job.count()).toBe(1);
  });

  it("gives a job held by a dead worker to another once the lease runs out (at least once)", async () => {
    await enqueueJob(prisma, { shop, type: "t", key: "k2", payload: {} });
    const t0 = new Date();
    const [held] = await claimJobs(prisma, "worker-a", 10, t0);
    expect(held.attempts).toBe(1);
    // worker-a dies here without completing.
    expect(
      await claimJobs(prisma, "worker-b", 10, new Date(t0.getTime() + 1000)),
    ).toEqual([]);
    const [again] = await claimJobs(
      prisma,
      "worker-b",
      10,
      new Date(t0.getTime() + LEASE_MS + 1000),
    );
    expect(again.id).toBe(held.id);
    expect(again.attempts).toBe(2);
    // The late worker-a can no longer complete a job it lost.
    await completeJob(prisma, held.id, "worker-a");
    expect(
      (await prisma.job.findUniqueOrThrow({ where: { id: held.id } })).status,
    ).toBe("running");
    await completeJob(prisma, held.id, "worker-b");
    expect(
      (await prisma.job.findUniqueOrThrow({ where: { id: held.id } })).status,
    ).toBe("done");
  });

  it("concurrent claims never hand the same job to two workers", async () => {
    for (let i = 0; i < 30; i++)
      await enqueueJob(prisma, { shop, type: "t", key: `c${i}`, payload: {} });
    const [a, b, c] = await Promise.all([
      claimJobs(prisma, "a", 12),
      claimJobs(prisma, "b", 12),
      claimJobs(prisma, "c", 12),
    ]);
    const ids = [...a, ...b, ...c].map((j) => j.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(30);
  });

  it("retries with backoff, then keeps a dead job with its reason until retried by hand", async () => {
    await enqueueJob(prisma, {
      shop,
      type: "flaky",
      key: "k3",
      payload: {},
      maxAttempts: 2,
    });
    const handlers = {
      flaky: async () => Promise.reject(new Error("SMTP unreachable")),
    };
    await runDueJobs({ db: prisma, handlers });
    let job = await prisma.job.findFirstOrThrow();
    expect(job.status).toBe("queued");
    expect(job.runAt.getTime()).toBeGreaterThan(Date.now() + 20_000);
    await runDueJobs({
      db: prisma,
      handlers,
      now: new Date(Date.now() + 3_600_000),
    });
    job = await prisma.job.findFirstOrThrow();
    expect(job.status).toBe("dead");
    expect(job.lastError).toBe("SMTP unreachable");
    expect(
      await retryDeadJob(prisma, "another-shop.myshopify.com", job.id),
    ).toBe(false);
    expect(await retryDeadJob(prisma, shop, job.id)).toBe(true);
    expect((await prisma.job.findFirstOrThrow()).status).toBe("queued");
  });

  it('keeps the status of a Response a library threw, not "[object Response]"', async () => {
    await enqueueJob(prisma, {
      shop,
      type: "thrower",
      key: "k5",
      payload: {},
      maxAttempts: 1,
    });
    await runDueJobs({
      db: prisma,
      handlers: {
        thrower: async () => {
          throw new Response(undefined, {
            status: 500,
            statusText: "Internal Server Error",
          });
        },
      },
    });
    const job = await prisma.job.findFirstOrThrow();
    expect(job.lastError).toBe("HTTP 500 Internal Server Error");
  });

  it("a job type without a handler fails visibly", async () => {
    await enqueueJob(prisma, {
      shop,
      type: "unknown",
      key: "k4",
      payload: {},
      maxAttempts: 1,
    });
    await runDueJobs({ db: prisma, handlers: {} });
    const job = await prisma.job.findFirstOrThrow();
    expect(job.status).toBe("dead");
    expect(job.lastError).toMatch(/no handler/);
  });

  it("runs a shop's jobs that waited for a new token as soon as the app reconnects, and no others", async () => {
    for (const [key, jobShop, maxAttempts] of [
      ["waits", shop, 8],
      ["gave-up", shop, 1],
      ["other-shop", "other.myshopify.com", 8],
    ] as const)
      await enqueueJob(prisma, {
        shop: jobShop,
        type: "sync",
        key,
        payload: {},
        maxAttempts,
      });
    await enqueueJob(prisma, {
      shop,
      type: "flaky",
      key: "smtp",
      payload: {},
    });
    await runDueJobs({
      db: prisma,
      handlers: {
        sync: async (job) => Promise.reject(new ShopNotConnected(job.shop)),
        flaky: async () => Promise.reject(new Error("SMTP unreachable")),
      },
    });
    const byKey = async () =>
      Object.fromEntries(
        (await prisma.job.findMany()).map((j) => [j.key, j] as const),
      );
    let jobs = await byKey();
    expect(jobs["waits"].lastError).toBe("not_connected");
    expect(jobs["gave-up"].status).toBe("dead");

    const now = new Date();
    expect(await releaseWaitingJobs(prisma, shop, now)).toBe(2);
    jobs = await byKey();
    for (const key of ["waits", "gave-up"]) {
      expect(jobs[key].status).toBe("queued");
      expect(jobs[key].runAt).toEqual(now);
      expect(jobs[key].attempts).toBe(0);
    }
    // Another shop's, and a job that failed for another reason, keep their backoff.
    expect(jobs["other-shop"].runAt.getTime()).toBeGreaterThan(now.getTime());
    expect(jobs["smtp"].runAt.getTime()).toBeGreaterThan(now.getTime());
  });
});
