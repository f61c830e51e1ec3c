import {
  TypeInfo,
  getNamedType,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
} from "graphql";

/**
 * Access scopes Shopify documents, read from the `offline_scopes` data published beside the
 * Admin schema (@shopify/dev-mcp). A requirement is "any one of these scopes".
 */
import type { ScopeItem } from "../../dev-store/src/schema";

export type Requirement = { why: string; anyOf: string[] };

export function operationRequirements(
  schema: GraphQLSchema,
  doc: DocumentNode,
  items: ScopeItem[],
): Requirement[] {
  const byField = new Map<string, string[]>();
  const byType = new Map<string, string[]>();
  for (const item of items) {
    if (!item.offlineScopes.length) continue;
    if (item.type === "field")
      byField.set(`${item.typeName}.${item.fieldName}`, item.offlineScopes);
    else byType.set(item.typeName, item.offlineScopes);
  }
  const out: Requirement[] = [];
  const typeInfo = new TypeInfo(schema);
  visit(
    doc,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        const fieldType = typeInfo.getType();
        if (!parent) return;
        const fieldScopes = byField.get(`${parent.name}.${node.name.value}`);
        if (fieldScopes)
          out.push({
            why: `${parent.name}.${node.name.value}`,
            anyOf: fieldScopes,
          });
        const named = fieldType ? getNamedType(fieldType) : null;
        const typeScopes = named ? byType.get(named.name) : undefined;
        if (named && typeScopes)
          out.push({
            why: `${parent.name}.${node.name.value}: ${named.name}`,
            anyOf: typeScopes,
          });
      },
    }),
  );
  return out;
}

/** "orders/create" -> the scopes its WebhookSubscriptionTopic enum value's description requires. */
export function webhookTopicRequirement(
  schema: GraphQLSchema,
  topic: string,
): Requirement | null {
  const enumType = schema.getType("WebhookSubscriptionTopic");
  if (!enumType || !("getValues" in enumType))
    throw new Error("schema has no WebhookSubscriptionTopic enum");
  const name = topic.toUpperCase().replace(/\//g, "_");
  const value = enumType.getValues().find((v) => v.name === name);
  if (!value) throw new Error(`unknown webhook topic ${topic}`);
  const text = (value.description ?? "").replace(/\s+/g, " ");
  const single = text.match(/Requires the `(\w+)` scope/);
  if (single) return { why: `webhook ${topic}`, anyOf: [single[1]] };
  const many = text.match(
    /Requires at least one of the following scopes: ([\w, ]+)\./,
  );
  if (many)
    return {
      why: `webhook ${topic}`,
      anyOf: many[1].split(",").map((s) => s.trim()),
    };
  return null;
}

/** write_x grants read_x too. */
export function grants(declared: string[], scope: string): boolean {
  return (
    declared.includes(scope) ||
    (scope.startsWith("read_") && declared.includes(`write_${scope.slice(5)}`))
  );
}

export function unmet(
  declared: string[],
  requirements: Requirement[],
): Requirement[] {
  return requirements.filter((r) => !r.anyOf.some((s) => grants(declared, s)));
}

export function unused(
  declared: string[],
  requirements: Requirement[],
): string[] {
  return declared.filter((d) => !requirements.some((r) => r.anyOf.includes(d)));
}
