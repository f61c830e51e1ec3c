import type { GraphQLError } from "graphql";

/**
 * Shopify's Admin API runs graphql-ruby, whose validation messages differ from graphql-js's.
 * Translate the common ones so the app meets the same text and codes it would in production.
 */
export function shopifyValidationError(e: GraphQLError) {
  const base = {
    locations: e.locations?.map((l) => ({ line: l.line, column: l.column })),
  };
  let m: RegExpExecArray | null;
  if ((m = /^Cannot query field "(\w+)" on type "(\w+)"/.exec(e.message))) {
    return {
      message: `Field '${m[1]}' doesn't exist on type '${m[2]}'`,
      ...base,
      path: [],
      extensions: { code: "undefinedField", typeName: m[2], fieldName: m[1] },
    };
  }
  if (
    (m = /^Unknown argument "(\w+)" on field "(\w+)\.(\w+)"/.exec(e.message))
  ) {
    return {
      message: `Field '${m[3]}' doesn't accept argument '${m[1]}'`,
      ...base,
      path: [],
      extensions: {
        code: "argumentNotAccepted",
        name: m[3],
        typeName: "Field",
        argumentName: m[1],
      },
    };
  }
  if (
    (m =
      /^Field "(\w+)\.(\w+)" argument "(\w+)" of type "([^"]+)" is required/.exec(
        e.message,
      ))
  ) {
    return {
      message: `Field '${m[2]}' is missing required arguments: ${m[3]}`,
      ...base,
      path: [],
      extensions: {
        code: "missingRequiredArguments",
        className: "Field",
        name: m[2],
        arguments: m[3],
      },
    };
  }
  if ((m = /^Unknown type "(\w+)"/.exec(e.message))) {
    return {
      message: `No such type ${m[1]}, so it can't be a fragment condition`,
      ...base,
      path: [],
      extensions: { code: "undefinedType", typeName: m[1] },
    };
  }
  if (
    (m =
      /^Field "(\w+)" of type "([^"]+)" must have a selection of subfields/.exec(
        e.message,
      ))
  ) {
    return {
      message: `Field must have selections (field '${m[1]}' returns ${m[2].replace(/[![\]]/g, "")} but has no selections. Did you mean '${m[1]} { ... }'?)`,
      ...base,
      path: [],
      extensions: {
        code: "selectionMismatch",
        nodeName: `field '${m[1]}'`,
        typeName: m[2],
      },
    };
  }
  if ((m = /^Variable "\$(\w+)" is never used/.exec(e.message))) {
    return {
      message: `Variable $${m[1]} is declared by anonymous query but not used`,
      ...base,
      path: [],
      extensions: { code: "variableNotUsed", variableName: m[1] },
    };
  }
  return {
    message: e.message,
    ...base,
    extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
  };
}

export function shopifySyntaxError(e: GraphQLError) {
  const loc = e.locations?.[0];
  const found =
    /found (.+)\.$/.exec(e.message)?.[1]?.replace(/^"|"$/g, "") ??
    "end of file";
  return {
    message:
      found === "<EOF>"
        ? "syntax error, unexpected end of file"
        : `Parse error on "${found}" at [${loc?.line ?? 1}, ${loc?.column ?? 1}]`,
    locations: loc ? [{ line: loc.line, column: loc.column }] : [],
  };
}

export function maxCostExceeded(cost: number, maxCost: number) {
  return {
    message: `Query cost is ${cost}, which exceeds the single query max cost limit (${maxCost}).\n\nSee https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\ncost of a query is calculated.\n\nTo query larger amounts of data with fewer limits, bulk operations should be used instead.\nSee https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for usage details.\n`,
    extensions: { code: "MAX_COST_EXCEEDED", cost, maxCost },
  };
}

export const THROTTLED = {
  message: "Throttled",
  extensions: {
    code: "THROTTLED",
    documentation: "https://shopify.dev/api/usage/rate-limits",
  },
};
