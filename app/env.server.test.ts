import { describe, expect, it } from "vitest";
import { parseEnv } from "./env.server";

const base = {
  SHOPIFY_API_KEY: "k",
  SHOPIFY_API_SECRET: "s",
  SHOPIFY_APP_URL: "https://app.example.com",
};

describe("environment", () => {
  it("applies defaults", () => {
    const env = parseEnv(base);
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBe("file:./prisma/dev.sqlite");
    expect(env.JOBS_WORKER).toBe("off");
  });

  it("names every bad variable", () => {
    expect(() =>
      parseEnv({
        ...base,
        SHOPIFY_APP_URL: "not a url",
        PORT: "70000",
        DATABASE_URL: "mysql://x",
      }),
    ).toThrow(/SHOPIFY_APP_URL[\s\S]*PORT|PORT[\s\S]*SHOPIFY_APP_URL/);
    expect(() => parseEnv({ ...base, DATABASE_URL: "mysql://x" })).toThrow(
      /DATABASE_URL: must start with file:/,
    );
    expect(() => parseEnv({ SHOPIFY_APP_URL: "https://a.example" })).toThrow(
      /SHOPIFY_API_KEY/,
    );
  });

  it("refuses the dev store in production", () => {
    expect(() =>
      parseEnv({
        ...base,
        NODE_ENV: "production",
        DEV_STORE_URL: "http://127.0.0.1:4400",
      }),
    ).toThrow(/DEV_STORE_URL/);
    expect(
      parseEnv({ ...base, DEV_STORE_URL: "http://127.0.0.1:4400" })
        .DEV_STORE_URL,
    ).toBe("http://127.0.0.1:4400");
  });
});
