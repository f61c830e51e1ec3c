import { gid, parseGid, type State } from "../state";
import type { Metafield } from "../seed/types";
import { parseSegmentQuery, SegmentQueryError } from "../segments";
import {
  APP_ID,
  findMetafield,
  metafieldDigest,
  metafieldView,
  resolveNamespace,
  segmentView,
} from "./views";
import type { RequestContext } from "./root";

type UserError = { field: string[] | null; message: string; code?: string };

const METAFIELD_TYPES = new Set([
  "single_line_text_field",
  "multi_line_text_field",
  "rich_text_field",
  "json",
  "boolean",
  "number_integer",
  "number_decimal",
  "date",
  "date_time",
  "url",
  "color",
  "product_reference",
  "list.product_reference",
  "list.single_line_text_field",
  "money",
]);

function ownerList(s: State, ownerId: string): Metafield[] | null {
  const parsed = parseGid(ownerId);
  if (!parsed) return null;
  if (parsed.type === "Shop") return s.shopMetafields;
  if (parsed.type === "AppInstallation" && parsed.id === APP_ID)
    return s.appMetafields;
  if (parsed.type === "Customer")
    return s.customerById.get(parsed.id)?.metafields ?? null;
  if (parsed.type === "Product")
    return s.productById.get(parsed.id)?.metafields ?? null;
  return null;
}

function validValue(type: string, value: string): boolean {
  if (type === "json" || type.startsWith("list.")) {
    try {
      JSON.parse(value);
      return true;
    } catch {
      return false;
    }
  }
  if (type === "number_integer") return /^-?\d+$/.test(value);
  if (type === "number_decimal") return /^-?\d+(\.\d+)?$/.test(value);
  if (type === "boolean") return value === "true" || value === "false";
  if (type === "url") return /^(https?|mailto|sms|tel):/.test(value);
  return true;
}

export function mutations(ctx: RequestContext) {
  const s = ctx.state;
  const now = () => new Date().toISOString();
  return {
    metafieldsSet: ({
      metafields,
    }: {
      metafields: {
        ownerId: string;
        namespace?: string;
        key: string;
        type?: string;
        value: string;
        /** Absent: no check. Null: the metafield must not exist yet. */
        compareDigest?: string | null;
      }[];
    }) => {
      const userErrors: UserError[] = [];
      if (metafields.length > 25)
        userErrors.push({
          field: ["metafields"],
          message: "Exceeded the maximum metafields input limit of 25.",
          code: "LESS_THAN_OR_EQUAL_TO",
        });
      metafields.forEach((m, i) => {
        const list = ownerList(s, m.ownerId);
        if (!list)
          userErrors.push({
            field: ["metafields", String(i), "ownerId"],
            message: "Owner does not exist.",
            code: "INVALID",
          });
        else if (m.type && !METAFIELD_TYPES.has(m.type))
          userErrors.push({
            field: ["metafields", String(i), "type"],
            message: `Type '${m.type}' is not a valid type.`,
            code: "INVALID_TYPE",
          });
        else if (!validValue(m.type ?? "single_line_text_field", m.value))
          userErrors.push({
            field: ["metafields", String(i), "value"],
            message: `Value is invalid for type ${m.type}.`,
            code: "INVALID_VALUE",
          });
        // From API 2026-04 a JSON value may be 128 KB (other types 64 KB); older apps are grandfathered at 2 MB.
        else if (
          Buffer.byteLength(m.value) >
          (m.type === "json" ? 128 * 1024 : 64 * 1024)
        )
          userErrors.push({
            field: ["metafields", String(i), "value"],
            message: `Value is too big: the limit for ${m.type ?? "this type"} is ${m.type === "json" ? "128" : "64"} KB.`,
            code: "TOO_LONG",
          });
        else if (m.compareDigest !== undefined) {
          // Compare-and-set (API 2024-07 on): only if the stored value is the one the caller read.
          const stored = findMetafield(list, m.namespace, m.key);
          const digest = stored ? metafieldDigest(stored) : null;
          if (
            m.compareDigest !== null &&
            !/^[0-9a-f]{64}$/.test(m.compareDigest)
          )
            userErrors.push({
              field: ["metafields", String(i), "compareDigest"],
              message: "The compareDigest is invalid.",
              code: "INVALID_COMPARE_DIGEST",
            });
          else if (m.compareDigest !== digest)
            userErrors.push({
              field: ["metafields", String(i)],
              message:
                "The resource has been updated since it was loaded. Try again with an updated `compareDigest` value.",
              code: "STALE_OBJECT",
            });
        }
      });
      // Shopify applies metafieldsSet atomically: one bad input, nothing written.
      if (userErrors.length) return { metafields: [], userErrors };
      const written = metafields.map((m) => {
        const list = ownerList(s, m.ownerId)!;
        const namespace = resolveNamespace(m.namespace ?? "$app");
        let existing = findMetafield(list, m.namespace, m.key);
        if (existing) {
          existing.value = m.value;
          existing.type = m.type ?? existing.type;
          existing.updatedAt = now();
        } else {
          existing = {
            id: gid("Metafield", s.id()),
            namespace,
            key: m.key,
            type: m.type ?? "single_line_text_field",
            value: m.value,
            createdAt: now(),
            updatedAt: now(),
          };
          list.push(existing);
        }
        return metafieldView(existing, m.ownerId);
      });
      return { metafields: written, userErrors };
    },
    metafieldsDelete: ({
      metafields,
    }: {
      metafields: { ownerId: string; namespace: string; key: string }[];
    }) => {
      const deleted = metafields.map((m) => {
        const list = ownerList(s, m.ownerId);
        const ns = resolveNamespace(m.namespace);
        const at =
          list?.findIndex((x) => x.namespace === ns && x.key === m.key) ?? -1;
        if (!list || at < 0) return null;
        list.splice(at, 1);
        return { ownerId: m.ownerId, namespace: m.namespace, key: m.key };
      });
      return { deletedMetafields: deleted, userErrors: [] };
    },
    tagsAdd: ({ id, tags }: { id: string; tags: string[] }) =>
      changeTags(s, id, tags, "add"),
    tagsRemove: ({ id, tags }: { id: string; tags: string[] }) =>
      changeTags(s, id, tags, "remove"),
    segmentCreate: ({ name, query }: { name: string; query: string }) => {
      const userErrors = checkSegment(s, name, query, null);
      if (userErrors.length) return { segment: null, userErrors };
      const seg = {
        legacyId: s.id(),
        name,
        query,
        creationDate: now(),
        lastEditDate: now(),
      };
      s.segments.push(seg);
      return { segment: segmentView(seg), userErrors };
    },
    segmentUpdate: ({
      id,
      name,
      query,
    }: {
      id: string;
      name?: string;
      query?: string;
    }) => {
      const seg = s.segments.find((x) => x.legacyId === parseGid(id)?.id);
      if (!seg)
        return {
          segment: null,
          userErrors: [{ field: ["id"], message: "Segment does not exist" }],
        };
      const userErrors = checkSegment(
        s,
        name ?? seg.name,
        query ?? seg.query,
        seg.legacyId,
      );
      if (userErrors.length) return { segment: null, userErrors };
      Object.assign(seg, {
        name: name ?? seg.name,
        query: query ?? seg.query,
        lastEditDate: now(),
      });
      return { segment: segmentView(seg), userErrors };
    },
    segmentDelete: ({ id }: { id: string }) => {
      const at = s.segments.findIndex((x) => x.legacyId === parseGid(id)?.id);
      if (at < 0)
        return {
          deletedSegmentId: null,
          userErrors: [{ field: ["id"], message: "Segment does not exist" }],
        };
      s.segments.splice(at, 1);
      return { deletedSegmentId: id, userErrors: [] };
    },
    bulkOperationRunQuery: ({ query }: { query: string }) => {
      const { op, userErrors } = ctx.startBulk(query);
      return { bulkOperation: op ?? null, userErrors };
    },
  };
}

function checkSegment(
  s: State,
  name: string,
  query: string,
  selfId: number | null,
): UserError[] {
  const errors: UserError[] = [];
  if (!name.trim())
    errors.push({ field: ["name"], message: "Name can't be blank" });
  if (s.segments.some((x) => x.name === name && x.legacyId !== selfId))
    errors.push({ field: ["name"], message: "Name has already been taken" });
  try {
    parseSegmentQuery(query);
  } catch (e) {
    if (e instanceof SegmentQueryError)
      errors.push({ field: ["query"], message: e.message });
    else throw e;
  }
  return errors;
}

function changeTags(
  s: State,
  id: string,
  tags: string[],
  how: "add" | "remove",
) {
  const parsed = parseGid(id);
  const target =
    parsed?.type === "Customer"
      ? s.customerById.get(parsed.id)
      : parsed?.type === "Product"
        ? s.productById.get(parsed.id)
        : undefined;
  if (!target)
    return {
      node: null,
      userErrors: [{ field: ["id"], message: "Resource does not exist" }],
    };
  const clean = tags
    .flatMap((t) => t.split(","))
    .map((t) => t.trim())
    .filter(Boolean);
  if (how === "add") {
    for (const t of clean) if (!target.tags.includes(t)) target.tags.push(t);
  } else {
    target.tags.splice(
      0,
      target.tags.length,
      ...target.tags.filter((t) => !clean.includes(t)),
    );
  }
  return { node: { __typename: parsed!.type, id }, userErrors: [] };
}
