import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  isLeafType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValueNode,
} from "graphql";

/**
 * Shopify's documented cost model: scalars and enums 0, objects 1, connections
 * 2 + (first|last) x the cost of one node, mutations 10. Used for `requestedQueryCost`.
 */
export function requestedCost(
  schema: GraphQLSchema,
  doc: DocumentNode,
  op: OperationDefinitionNode,
  variables: Record<string, unknown>,
): number {
  const typeInfo = new TypeInfo(schema);
  const fragments = new Map(
    doc.definitions
      .filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  // Cost of a selection set: sum of its fields' costs (fragments inlined).
  const costOf = (
    selections: readonly FieldNode[] | undefined,
    parentIsMutation: boolean,
  ): number => {
    if (!selections) return 0;
    let total = 0;
    for (const field of selections) total += fieldCost(field, parentIsMutation);
    return total;
  };
  const fieldsOf = (node: {
    selectionSet?: { selections: readonly unknown[] };
  }): FieldNode[] => {
    const out: FieldNode[] = [];
    for (const sel of (node.selectionSet?.selections ?? []) as {
      kind: string;
    }[]) {
      if (sel.kind === Kind.FIELD) out.push(sel as FieldNode);
      else if (sel.kind === Kind.INLINE_FRAGMENT)
        out.push(...fieldsOf(sel as never));
      else if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const frag = fragments.get(
          (sel as unknown as { name: { value: string } }).name.value,
        );
        if (frag) out.push(...fieldsOf(frag));
      }
    }
    return out;
  };
  const typeByField = new Map<FieldNode, string>();
  visit(
    doc,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const t = typeInfo.getType();
        if (t) typeByField.set(node, getNamedType(t).name);
      },
    }),
  );
  const fieldCost = (field: FieldNode, isMutationRoot: boolean): number => {
    const typeName = typeByField.get(field);
    const type = typeName ? schema.getType(typeName) : undefined;
    if (!type || isLeafType(type)) return 0;
    if (isMutationRoot) return 10;
    const children = costOf(fieldsOf(field), false);
    if (typeName!.endsWith("Connection")) {
      const size =
        argValue(field, "first", variables) ??
        argValue(field, "last", variables) ??
        0;
      return 2 + size * Math.max(1, nodeCost(field));
    }
    return (isCompositeType(type) || isAbstractType(type) ? 1 : 0) + children;
  };
  // The cost of one item in a connection: what is selected under edges.node or nodes.
  const nodeCost = (connection: FieldNode): number => {
    let cost = 0;
    for (const f of fieldsOf(connection)) {
      if (f.name.value === "nodes")
        cost = Math.max(cost, costOf(fieldsOf(f), false) + 1);
      if (f.name.value === "edges")
        for (const e of fieldsOf(f))
          if (e.name.value === "node")
            cost = Math.max(cost, costOf(fieldsOf(e), false) + 1);
    }
    return cost;
  };
  const isMutation = op.operation === "mutation";
  return Math.max(1, costOf(fieldsOf(op), isMutation));
}

function argValue(
  field: FieldNode,
  name: string,
  variables: Record<string, unknown>,
): number | null {
  const arg = field.arguments?.find((a) => a.name.value === name);
  if (!arg) return null;
  const v: ValueNode = arg.value;
  if (v.kind === Kind.INT) return Number(v.value);
  if (v.kind === Kind.VARIABLE) {
    const value = variables[v.name.value];
    return typeof value === "number" ? value : null;
  }
  return null;
}

/** The cost actually incurred: like the requested one, but connections counted by what they returned. */
export function actualCost(data: unknown, isMutation: boolean): number {
  let cost = 0;
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object") {
      const obj = value as Record<string, unknown>;
      cost += "edges" in obj || "nodes" in obj ? 2 : 1;
      for (const v of Object.values(obj)) walk(v);
    }
  };
  walk(data);
  return isMutation ? Math.max(10, cost) : Math.max(1, cost - 1);
}
