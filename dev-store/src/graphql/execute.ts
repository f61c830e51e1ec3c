import {
  execute,
  getNamedType,
  GraphQLError,
  Kind,
  parse,
  validate,
  specifiedRules,
  defaultFieldResolver,
  type DocumentNode,
  type GraphQLFieldResolver,
  type OperationDefinitionNode,
} from "graphql";
import { availableAdminVersions, loadAdminSchema } from "../schema";
import type { GraphQLRequest, GraphQLResponse } from "../contract";
import { actualCost, requestedCost } from "./cost";
import {
  maxCostExceeded,
  shopifySyntaxError,
  shopifyValidationError,
  THROTTLED,
} from "./errors";
import { queryRoot, type RequestContext } from "./root";
import type { LeakyBuckets } from "./throttle";

/** Runs one Admin API request the way Shopify does: parse, validate, cost, throttle, scopes, execute. */
export async function executeAdminRequest(
  req: GraphQLRequest,
  ctx: Omit<RequestContext, "scopes">,
  buckets: LeakyBuckets,
): Promise<GraphQLResponse> {
  if (!availableAdminVersions().includes(req.version)) {
    return { status: 404, body: { errors: "Not Found" } };
  }
  const { schema, scopes } = loadAdminSchema(req.version);
  let doc: DocumentNode;
  try {
    doc = parse(req.query);
  } catch (e) {
    return {
      status: 200,
      body: { errors: [shopifySyntaxError(e as GraphQLError)] },
    };
  }
  const validation = validate(schema, doc, specifiedRules);
  if (validation.length)
    return {
      status: 200,
      body: { errors: validation.map(shopifyValidationError) },
    };

  const ops = doc.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const op = req.operationName
    ? ops.find((o) => o.name?.value === req.operationName)
    : ops.length === 1
      ? ops[0]
      : undefined;
  if (!op) {
    return {
      status: 200,
      body: {
        errors: [
          {
            message: req.operationName
              ? `No operation named "${req.operationName}"`
              : "An operation name is required",
          },
        ],
      },
    };
  }
  const variables = req.variables ?? {};
  const requested = requestedCost(schema, doc, op, variables);
  const max = buckets.config.maxQueryCost;
  if (requested > max)
    return { status: 200, body: { errors: [maxCostExceeded(requested, max)] } };
  if (!buckets.take(req.bucketKey, requested)) {
    return {
      status: 200,
      body: {
        errors: [THROTTLED],
        extensions: {
          cost: {
            requestedQueryCost: requested,
            actualQueryCost: null,
            throttleStatus: buckets.status(req.bucketKey),
          },
        },
      },
    };
  }

  const granted = new Set(req.scopes);
  const allowed = (needed: string[] | undefined) =>
    !needed ||
    needed.some(
      (s) =>
        granted.has(s) ||
        (s.startsWith("read_") && granted.has(`write_${s.slice(5)}`)),
    );
  const fieldResolver: GraphQLFieldResolver<unknown, unknown> = (
    source,
    args,
    context,
    info,
  ) => {
    const named = getNamedType(info.returnType).name;
    const nodeType = named.replace(/(Connection|Edge)$/, "");
    const needed =
      scopes.get(`${info.parentType.name}.${info.fieldName}`) ??
      scopes.get(named) ??
      scopes.get(nodeType);
    if (!allowed(needed)) {
      throw new GraphQLError(
        `Access denied for ${info.fieldName} field. Required access: ${needed!.map((s) => `\`${s}\` access scope`).join(" or ")}.`,
        {
          extensions: {
            code: "ACCESS_DENIED",
            documentation: "https://shopify.dev/api/usage/access-scopes",
            requiredAccess: needed!
              .map((s) => `\`${s}\` access scope.`)
              .join(" "),
          },
        },
      );
    }
    return defaultFieldResolver(source, args, context, info);
  };

  const result = await execute({
    schema,
    document: doc,
    operationName: op.name?.value,
    variableValues: variables,
    rootValue: queryRoot({ ...ctx, scopes: req.scopes }),
    fieldResolver,
    typeResolver: (value) => (value as { __typename?: string }).__typename,
  });
  const actual = Math.min(
    requested,
    actualCost(result.data, op.operation === "mutation"),
  );
  buckets.refund(req.bucketKey, requested - actual);
  const body: Record<string, unknown> = {};
  if (result.errors?.length) {
    body.errors = result.errors.map((e) => {
      const variable =
        /^Variable "\$(\w+)" (?:of required type "([^"]+)" was not provided|got invalid value)/.exec(
          e.message,
        );
      if (variable)
        return {
          message: `Variable $${variable[1]} of type ${variable[2] ?? "?"} was provided invalid value`,
          locations: e.locations,
          extensions: {
            code: "INVALID_VARIABLE",
            value: null,
            problems: [{ path: [], explanation: e.message }],
          },
        };
      return {
        message: e.message,
        locations: e.locations,
        path: e.path,
        ...(e.extensions && Object.keys(e.extensions).length
          ? { extensions: e.extensions }
          : {}),
      };
    });
  }
  if (result.data !== undefined) body.data = result.data;
  body.extensions = {
    cost: {
      requestedQueryCost: requested,
      actualQueryCost: actual,
      throttleStatus: buckets.status(req.bucketKey),
    },
  };
  return { status: 200, body };
}
