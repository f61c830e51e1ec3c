import { describe, expect, it } from "vitest";
import { DEFAULT_DEV_STORE_URL, devStoreCommand } from "./cli-command";

describe("devStoreCommand", () => {
  it("is the plain command for a store at the default address", () => {
    expect(devStoreCommand("http://127.0.0.1:4400", "event order")).toBe(
      "npm run dev-store -- event order",
    );
    expect(devStoreCommand(`${DEFAULT_DEV_STORE_URL}/`, "event order")).toBe(
      "npm run dev-store -- event order",
    );
  });

  it("names the store when DEV_STORE_PORT (or the host) moved it", () => {
    expect(devStoreCommand("http://127.0.0.1:4500", "event deliver")).toBe(
      "DEV_STORE_URL=http://127.0.0.1:4500 npm run dev-store -- event deliver",
    );
    expect(devStoreCommand("http://localhost:4400", "event order")).toBe(
      "DEV_STORE_URL=http://localhost:4400 npm run dev-store -- event order",
    );
  });
});
