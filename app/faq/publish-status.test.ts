import { describe, expect, it } from "vitest";
import {
  isPublishing,
  learningKey,
  PUBLISH_DELAY_MS,
  publishKey,
  type PublishJob,
} from "./publish-status";

describe("the FAQ page's 'Publishing…'", () => {
  const shop = "status.myshopify.com";
  const hour = 3_600_000;
  // 30 seconds before the top of an hour: the hourly publish is queued for it.
  const now = 500 * hour - 30_000;
  const learning = (status: string, runAt = 500 * hour): PublishJob => ({
    key: learningKey(shop, 499),
    status,
    runAt: new Date(runAt),
  });
  const merchant = (status: string, runAt: number): PublishJob => ({
    key: publishKey(shop, runAt),
    status,
    runAt: new Date(runAt),
  });

  it("is not shown while the hourly publish only waits for its hour", () => {
    expect(isPublishing([learning("queued")], shop, now)).toBe(false);
    expect(
      isPublishing([learning("queued")], shop, 500 * hour - PUBLISH_DELAY_MS),
    ).toBe(false);
  });

  it("is shown once the hourly publish is due or running, and not after it", () => {
    expect(isPublishing([learning("queued")], shop, 500 * hour)).toBe(true);
    expect(isPublishing([learning("running")], shop, 500 * hour + 5)).toBe(
      true,
    );
    expect(isPublishing([], shop, 500 * hour + 10_000)).toBe(false);
  });

  it("is shown right after a merchant's change, before its publish is due", () => {
    expect(
      isPublishing(
        [merchant("queued", now + PUBLISH_DELAY_MS), learning("queued")],
        shop,
        now,
      ),
    ).toBe(true);
    expect(isPublishing([merchant("queued", now)], shop, now)).toBe(true);
  });

  it("is not shown for a failed publish waiting minutes for its retry", () => {
    expect(isPublishing([merchant("queued", now + 60_000)], shop, now)).toBe(
      false,
    );
  });
});
