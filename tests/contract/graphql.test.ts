import { readFileSync } from "node:fs";
import { Kind, parse, validate, type DocumentNode } from "graphql";
import { parse as parseToml } from "smol-toml";
import { describe, expect, it } from "vitest";
import { loadAdminSchema } from "../support/shopify-schema";
import {
  findOperations,
  findUntaggedOperations,
  listSourceFiles,
} from "./operations";
import {
  operationRequirements,
  unmet,
  unused,
  webhookTopicRequirement,
  type Requirement,
} from "./scopes";

interface AppToml {
  access_scopes: { scopes: string };
  webhooks: {
    api_version: string;
    subscriptions: {
      topics?: string[];
      compliance_topics?: string[];
      uri: string;
    }[];
  };
  app_proxy?: { url: string };
}

const toml = parseToml(
  readFileSync("shopify.app.toml", "utf8"),
) as unknown as AppToml;
const version = toml.webhooks.api_version;
const { schema, scopes } = loadAdminSchema(version);
const files = listSourceFiles(["app", "extensions"]);
const operations = files.flatMap((f) => findOperations(f));
const declared = toml.access_scopes.scopes
  .split(",")
  .map((s) => s.trim())
  .filter(Boolean);

describe(`GraphQL operations against Shopify's published Admin schema ${version}`, () => {
  it("finds the app's operations", () => {
    expect(operations.length).toBeGreaterThan(0);
  });

  it("uses the same API version everywhere", () => {
    const server = readFileSync("app/shopify.server.ts", "utf8");
    expect(server).toMatch(/ApiVersion\.July26/);
    expect(version).toBe("2026-07");
  });

  it.each(operations.map((op) => [`${op.file}:${op.line}`, op] as const))(
    "%s parses, is named and validates",
    (_where, op) => {
      expect(
        op.interpolated,
        "operations must use variables, not string interpolation",
      ).toBe(false);
      const doc = parse(op.source.replace(/^\s*#graphql/, ""));
      for (const def of doc.definitions) {
        if (def.kind === Kind.OPERATION_DEFINITION)
          expect(def.name?.value, "every operation is named").toBeTruthy();
      }
      const errors = validate(schema, doc).map((e) => e.message);
      expect(errors).toEqual([]);
    },
  );

  it("no untagged GraphQL operation hides from these checks", () => {
    const untagged = files.flatMap((f) =>
      findUntaggedOperations(f).map((line) => `${f}:${line}`),
    );
    expect(untagged).toEqual([]);
  });
});

describe("access scopes in shopify.app.toml", () => {
  const requirements: Requirement[] = [];
  for (const op of operations) {
    const doc: DocumentNode = parse(op.source.replace(/^\s*#graphql/, ""));
    requirements.push(
      ...operationRequirements(schema, doc, scopes).map((r) => ({
        ...r,
        why: `${op.file}: ${r.why}`,
      })),
    );
  }
  for (const sub of toml.webhooks.subscriptions) {
    for (const topic of sub.topics ?? []) {
      const req = webhookTopicRequirement(schema, topic);
      if (req) requirements.push(req);
    }
  }
  if (toml.app_proxy)
    requirements.push({
      why: "[app_proxy] in shopify.app.toml",
      anyOf: ["write_app_proxy"],
    });
  // metafieldsSet/metafieldsDelete need the write scope of the owner's resource, which the schema's
  // scope data cannot say: tutorials are written on products.
  for (const op of operations.filter(
    (o) =>
      /metafields(Set|Delete)/.test(o.source) &&
      o.file.startsWith("app/tutorials/"),
  )) {
    requirements.push({
      why: `${op.file}: product metafields`,
      anyOf: ["write_products"],
    });
  }

  it("cover every scope Shopify documents for the fields and topics the app uses", () => {
    expect(unmet(declared, requirements)).toEqual([]);
  });

  it("declare no scope the app does not use", () => {
    expect(unused(declared, requirements)).toEqual([]);
  });

  it("detects a missing scope (the check itself can fail)", () => {
    expect(
      unmet(
        declared.filter((s) => s !== "read_orders"),
        requirements,
      ).length,
    ).toBeGreaterThan(0);
    expect(unused([...declared, "write_themes"], requirements)).toEqual([
      "write_themes",
    ]);
  });
});

describe("webhook subscriptions", () => {
  it("each has a route file named after its topic and a `# Handled by` comment", () => {
    const text = readFileSync("shopify.app.toml", "utf8");
    for (const sub of toml.webhooks.subscriptions) {
      const topic = [
        ...(sub.topics ?? []),
        ...(sub.compliance_topics ?? []),
      ][0];
      const route = `app/routes/webhooks.${topic.replace(/\//g, ".")}.tsx`;
      expect(readFileSync(route, "utf8")).toContain(`"${topic}"`);
      expect(text).toContain(`# Handled by: ${route}`);
      expect(sub.uri).toBe(`/webhooks/${topic}`);
    }
  });

  it("include the three mandatory compliance topics", () => {
    const compliance = toml.webhooks.subscriptions.flatMap(
      (s) => s.compliance_topics ?? [],
    );
    expect(compliance.sort()).toEqual([
      "customers/data_request",
      "customers/redact",
      "shop/redact",
    ]);
  });
});
