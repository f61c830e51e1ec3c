import { describe, expect, it, vi } from "vitest";
import { translator } from "../i18n/i18n";

// The channel settings page imports channel-settings.ts in the browser, where Vite's build gives
// Node's built-ins as empty modules. Anything it pulls in that uses one when loaded (a BlockList
// built at the top of a file) stopped the page from loading: the admin reloaded it without its
// session and showed the login form instead of the settings.
vi.mock("node:net", () => ({ default: {} }));
vi.mock("node:dns", () => ({ default: {} }));
vi.mock("node:crypto", () => ({ default: {} }));

describe("channel settings in the browser", () => {
  it("loads without Node's built-ins and says what is wrong with a field", async () => {
    const { describeChannelSettingsError } = await import("./channel-settings");
    expect(describeChannelSettingsError(translator("en"), "smtpPort")).toMatch(
      /port/i,
    );
  });
});
