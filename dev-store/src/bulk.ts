import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  execute,
  getNamedType,
  Kind,
  parse,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
} from "graphql";
import { loadAdminSchema } from "./schema";
import { gid, State, type BulkOperation } from "./state";
import { shopChunks } from "./seed/stream";
import type { SeedOptions } from "./seed/generate";
import { bulkMode } from "./graphql/bulk-mode";
import { queryRoot, type RequestContext } from "./graphql/root";
import { bulkOperationView } from "./graphql/views";

/**
 * Bulk query operations like Shopify's: validated against the bulk rules, run in the background,
 * results written as JSONL (one object per line; nested connection nodes on their own lines with
 * `__parentId`), then `bulk_operations/finish` is sent. Faults can be switched on for tests.
 */
export interface BulkFaults {
  fail?: boolean;
  expire?: boolean;
  truncate?: boolean;
}

const MAX_CONNECTIONS = 5;
const TRUNCATE_AFTER = 7;
const MAX_DEPTH = 2;

export function checkBulkQuery(
  version: string,
  query: string,
): { doc?: DocumentNode; error?: string } {
  let doc: DocumentNode;
  try {
    doc = parse(query);
  } catch (e) {
    return { error: `Invalid bulk query: ${(e as Error).message}` };
  }
  const { schema } = loadAdminSchema(version);
  const errors = validate(schema, doc);
  if (errors.length)
    return { error: `Invalid bulk query: ${errors[0].message}` };
  const ops = doc.definitions.filter(
    (d) => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (ops.length !== 1 || ops[0].operation !== "query")
    return { error: "Bulk queries must contain exactly one query operation." };
  const top = ops[0].selectionSet.selections.filter(
    (s) => s.kind === Kind.FIELD,
  );
  if (top.length !== 1)
    return { error: "Bulk queries must contain at least one connection." };
  const typeInfo = new TypeInfo(schema);
  let connections = 0;
  let depth = 0;
  let maxDepth = 0;
  let topIsConnection = false;
  visit(
    doc,
    visitWithTypeInfo(typeInfo, {
      Field: {
        enter(node) {
          const t = typeInfo.getType();
          if (t && getNamedType(t).name.endsWith("Connection")) {
            connections++;
            depth++;
            maxDepth = Math.max(maxDepth, depth);
            if (node === top[0]) topIsConnection = true;
          }
        },
        leave() {
          const t = typeInfo.getType();
          if (t && getNamedType(t).name.endsWith("Connection")) depth--;
        },
      },
    }),
  );
  if (!topIsConnection)
    return { error: "Bulk queries must contain at least one connection." };
  if (connections > MAX_CONNECTIONS)
    return {
      error: `Bulk queries cannot contain more than ${MAX_CONNECTIONS} connections.`,
    };
  if (maxDepth > MAX_DEPTH)
    return {
      error: `Bulk queries cannot contain connections with a nesting depth greater than ${MAX_DEPTH}.`,
    };
  return { doc };
}

/** Splits a connection's result into JSONL rows: each node, then its nested connections' nodes. */
export function* flatten(
  connection: unknown,
  parentId?: string,
): Generator<Record<string, unknown>> {
  const c = connection as {
    edges?: { node: Record<string, unknown> }[];
    nodes?: Record<string, unknown>[];
  } | null;
  const nodes = c?.nodes ?? c?.edges?.map((e) => e.node) ?? [];
  for (const node of nodes) {
    const own: Record<string, unknown> = {};
    const nested: unknown[] = [];
    for (const [key, value] of Object.entries(node)) {
      if (
        value &&
        typeof value === "object" &&
        !Array.isArray(value) &&
        ("edges" in value || "nodes" in value)
      )
        nested.push(value);
      else own[key] = value;
    }
    if (parentId) own.__parentId = parentId;
    yield own;
    for (const child of nested) yield* flatten(child, node.id as string);
  }
}

export class BulkRunner {
  private dir: string;
  constructor(
    private state: State,
    private ctx: () => Omit<RequestContext, "startBulk" | "scopes">,
    private emit: (topic: string, payload: unknown) => void,
    public faults: BulkFaults = {},
    /** A large shop streamed in chunks for bulk operations (benchmarks), instead of `state`. */
    private scale?: SeedOptions,
  ) {
    this.dir = path.join(tmpdir(), `tsunagu-dev-store-bulk-${process.pid}`);
    mkdirSync(this.dir, { recursive: true });
  }

  start(
    version: string,
    query: string,
  ): ReturnType<RequestContext["startBulk"]> {
    const running = this.state.bulkOperations.find(
      (b) =>
        b.type === "QUERY" &&
        (b.status === "CREATED" || b.status === "RUNNING"),
    );
    if (running) {
      return {
        userErrors: [
          {
            field: null,
            message: `A bulk query operation for this app and shop is already in progress: ${gid("BulkOperation", running.legacyId)}.`,
            code: "OPERATION_IN_PROGRESS",
          },
        ],
      };
    }
    const checked = checkBulkQuery(version, query);
    if (!checked.doc)
      return {
        userErrors: [
          { field: ["query"], message: checked.error!, code: "INVALID" },
        ],
      };
    const op: BulkOperation = {
      legacyId: this.state.id(),
      type: "QUERY",
      query,
      status: "CREATED",
      errorCode: null,
      createdAt: new Date().toISOString(),
      completedAt: null,
      objectCount: 0,
      rootObjectCount: 0,
      fileSize: null,
      file: null,
      partialDataUrl: null,
    };
    this.state.bulkOperations.push(op);
    setImmediate(() => void this.run(op, checked.doc!));
    return { op: bulkOperationView(op, this.ctx().baseUrl), userErrors: [] };
  }

  private async run(op: BulkOperation, doc: DocumentNode) {
    op.status = "RUNNING";
    const file = path.join(this.dir, `${op.legacyId}.jsonl`);
    try {
      if (this.faults.fail)
        throw Object.assign(new Error("injected failure"), {
          code: "INTERNAL_SERVER_ERROR",
        });
      const { schema } = loadAdminSchema("2026-07");
      const out = createWriteStream(file);
      let rows = 0;
      const sources: Iterable<State> = this.scale
        ? (function* (scale: SeedOptions, shop: State["shop"]) {
            for (const chunk of shopChunks(scale)) yield new State(chunk, shop);
          })(this.scale, this.state.shop)
        : [this.state];
      for (const source of sources) {
        const ctx = {
          ...this.ctx(),
          state: source,
          scopes: [],
          startBulk: () => ({ userErrors: [] }),
        };
        const result = await bulkMode.run(true, () =>
          execute({
            schema,
            document: doc,
            rootValue: queryRoot(ctx),
            typeResolver: (v) => (v as { __typename?: string }).__typename,
          }),
        );
        if (result.errors?.length)
          throw Object.assign(new Error(result.errors[0].message), {
            code: "ACCESS_DENIED",
          });
        const top = Object.values(result.data ?? {})[0];
        for (const row of flatten(top)) {
          // The truncate fault cuts the file after a few lines while objectCount keeps the true count.
          const keep = !this.faults.truncate || rows < TRUNCATE_AFTER;
          if (keep && !out.write(JSON.stringify(row) + "\n"))
            await new Promise<void>((r) => out.once("drain", () => r()));
          rows++;
          if (!row.__parentId) op.rootObjectCount++;
        }
        op.objectCount = rows;
      }
      await new Promise<void>((resolve, reject) =>
        out.end((err?: Error | null) => (err ? reject(err) : resolve())),
      );
      op.fileSize = statSync(file).size;
      op.file = file;
      op.status = this.faults.expire ? "EXPIRED" : "COMPLETED";
    } catch (error) {
      op.status = "FAILED";
      op.errorCode =
        ((error as { code?: string }).code as BulkOperation["errorCode"]) ??
        "INTERNAL_SERVER_ERROR";
    }
    op.completedAt = new Date().toISOString();
    this.emit("bulk_operations/finish", {
      admin_graphql_api_id: gid("BulkOperation", op.legacyId),
      completed_at: op.completedAt,
      created_at: op.createdAt,
      error_code: op.errorCode ? op.errorCode.toLowerCase() : null,
      status: op.status.toLowerCase(),
      type: "query",
    });
  }

  open(id: string): NodeJS.ReadableStream | null {
    const op = this.state.bulkOperations.find((b) => String(b.legacyId) === id);
    if (!op?.file || op.status !== "COMPLETED" || !existsSync(op.file))
      return null;
    return createReadStream(op.file);
  }
}
