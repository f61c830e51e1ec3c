import { readFileSync } from "node:fs";
import type { GraphQLEnumType } from "graphql";
import { parse as parseToml } from "smol-toml";
import { describe, expect, it } from "vitest";
import { FULFILLMENT_STATUSES } from "~/surveys/fulfillment-status";
import { loadAdminSchema } from "../support/shopify-schema";

const version = (
  parseToml(readFileSync("shopify.app.toml", "utf8")) as {
    webhooks: { api_version: string };
  }
).webhooks.api_version;

describe(`order fulfilment statuses against the Admin schema ${version}`, () => {
  it("translates every value of OrderDisplayFulfillmentStatus", () => {
    const { schema } = loadAdminSchema(version);
    const type = schema.getType(
      "OrderDisplayFulfillmentStatus",
    ) as GraphQLEnumType;
    expect(
      type
        .getValues()
        .map((v) => v.name)
        .sort(),
    ).toEqual([...FULFILLMENT_STATUSES].sort());
  });
});
