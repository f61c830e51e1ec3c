import { connection, type PageArgs } from "./graphql/connection";
import { gid, parseGid, type State } from "./state";

/**
 * Metaobject definitions and entries (app-owned types like `$app:faq_entry` resolve to
 * `app--1--faq_entry`): create/upsert/update/delete and the queries that read them.
 */
export interface MetaobjectDefinition {
  legacyId: number;
  type: string;
  name: string;
  displayNameKey: string | null;
  fields: { key: string; name: string; type: string; required: boolean }[];
  createdAt: string;
}

export interface Metaobject {
  legacyId: number;
  type: string;
  handle: string;
  fields: Record<string, string>;
  createdAt: string;
  updatedAt: string;
}

export class MetaobjectStore {
  definitions: MetaobjectDefinition[] = [];
  entries: Metaobject[] = [];
}

type UserError = { field: string[] | null; message: string; code: string };
const appType = (t: string) =>
  t.startsWith("$app:") ? `app--1--${t.slice(5)}` : t;
const now = () => new Date().toISOString();

function definitionView(
  s: State,
  store: MetaobjectStore,
  d: MetaobjectDefinition,
) {
  return {
    __typename: "MetaobjectDefinition",
    id: gid("MetaobjectDefinition", d.legacyId),
    type: d.type,
    name: d.name,
    description: null,
    displayNameKey: d.displayNameKey,
    createdAt: d.createdAt,
    updatedAt: d.createdAt,
    hasThumbnailField: false,
    metaobjectsCount: store.entries.filter((e) => e.type === d.type).length,
    fieldDefinitions: d.fields.map((f) => ({
      __typename: "MetaobjectFieldDefinition",
      key: f.key,
      name: f.name,
      required: f.required,
      type: { name: f.type, category: "TEXT" },
      validations: [],
      description: null,
    })),
    metaobjects: (a: PageArgs) =>
      connection(
        store.entries.filter((e) => e.type === d.type),
        a,
        (e) => e.legacyId,
        (e) => entryView(s, store, e),
      ),
  };
}

function entryView(s: State, store: MetaobjectStore, e: Metaobject) {
  const def = store.definitions.find((d) => d.type === e.type)!;
  const field = (key: string) => {
    const f = def.fields.find((x) => x.key === key);
    if (!f) return null;
    const value = e.fields[key] ?? null;
    let json: unknown = value;
    try {
      json =
        value !== null && (f.type === "json" || f.type.startsWith("list."))
          ? JSON.parse(value)
          : value;
    } catch {
      json = value;
    }
    return {
      __typename: "MetaobjectField",
      key,
      type: f.type,
      value,
      jsonValue: json,
      reference: null,
      references: null,
      thumbnail: null,
      definition: null,
    };
  };
  return {
    __typename: "Metaobject",
    id: gid("Metaobject", e.legacyId),
    type: e.type,
    handle: e.handle,
    displayName:
      (def.displayNameKey && e.fields[def.displayNameKey]) || e.handle,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    fields: def.fields.map((f) => field(f.key)),
    field: ({ key }: { key: string }) => field(key),
    definition: () => definitionView(s, store, def),
  };
}

function checkFields(
  def: MetaobjectDefinition,
  fields: { key: string; value: string }[],
  creating: boolean,
  existing: Record<string, string> = {},
): UserError[] {
  const errors: UserError[] = [];
  fields.forEach((f, i) => {
    if (!def.fields.some((d) => d.key === f.key))
      errors.push({
        field: ["metaobject", "fields", String(i), "key"],
        message: `Field definition "${f.key}" does not exist`,
        code: "UNDEFINED_OBJECT_FIELD",
      });
    if (f.value.length > 65_535)
      errors.push({
        field: ["metaobject", "fields", String(i), "value"],
        message: "Value is too long",
        code: "TOO_LONG",
      });
  });
  if (creating) {
    for (const d of def.fields.filter((x) => x.required)) {
      if (
        !fields.some((f) => f.key === d.key && f.value !== "") &&
        !existing[d.key]
      )
        errors.push({
          field: ["metaobject", "fields"],
          message: `${d.name} can't be blank`,
          code: "OBJECT_FIELD_REQUIRED",
        });
    }
  }
  return errors;
}

export function metaobjectResolvers(s: State, store: MetaobjectStore) {
  return {
    metaobjectDefinitions: (a: PageArgs) =>
      connection(
        store.definitions,
        a,
        (d) => d.legacyId,
        (d) => definitionView(s, store, d),
      ),
    metaobjectDefinitionByType: ({ type }: { type: string }) => {
      const d = store.definitions.find((x) => x.type === appType(type));
      return d ? definitionView(s, store, d) : null;
    },
    metaobjects: (a: PageArgs & { type: string }) =>
      connection(
        store.entries.filter((e) => e.type === appType(a.type)),
        a,
        (e) => e.legacyId,
        (e) => entryView(s, store, e),
      ),
    metaobject: ({ id }: { id: string }) => {
      const e = store.entries.find((x) => x.legacyId === parseGid(id)?.id);
      return e ? entryView(s, store, e) : null;
    },
    metaobjectByHandle: ({
      handle,
    }: {
      handle: { type: string; handle: string };
    }) => {
      const e = store.entries.find(
        (x) => x.type === appType(handle.type) && x.handle === handle.handle,
      );
      return e ? entryView(s, store, e) : null;
    },
    metaobjectDefinitionCreate: ({
      definition,
    }: {
      definition: {
        type: string;
        name?: string;
        displayNameKey?: string;
        fieldDefinitions?: {
          key: string;
          name?: string;
          type: string;
          required?: boolean;
        }[];
      };
    }) => {
      const type = appType(definition.type);
      if (store.definitions.some((d) => d.type === type)) {
        return {
          metaobjectDefinition: null,
          userErrors: [
            {
              field: ["definition", "type"],
              message: "Type has already been taken",
              code: "TAKEN",
            },
          ],
        };
      }
      if (!/^[\w-]{3,255}$/.test(type))
        return {
          metaobjectDefinition: null,
          userErrors: [
            {
              field: ["definition", "type"],
              message: "Type is invalid",
              code: "INVALID",
            },
          ],
        };
      const d: MetaobjectDefinition = {
        legacyId: s.id(),
        type,
        name: definition.name ?? type,
        displayNameKey: definition.displayNameKey ?? null,
        createdAt: now(),
        fields: (definition.fieldDefinitions ?? []).map((f) => ({
          key: f.key,
          name: f.name ?? f.key,
          type: f.type,
          required: f.required ?? false,
        })),
      };
      store.definitions.push(d);
      return {
        metaobjectDefinition: definitionView(s, store, d),
        userErrors: [],
      };
    },
    metaobjectUpsert: ({
      handle,
      metaobject,
    }: {
      handle: { type: string; handle: string };
      metaobject: {
        handle?: string;
        fields?: { key: string; value: string }[];
      };
    }) => {
      const type = appType(handle.type);
      const def = store.definitions.find((d) => d.type === type);
      if (!def)
        return {
          metaobject: null,
          userErrors: [
            {
              field: ["handle", "type"],
              message: "No metaobject definition exists for type",
              code: "UNDEFINED_OBJECT_TYPE",
            },
          ],
        };
      const fields = metaobject.fields ?? [];
      const existing = store.entries.find(
        (e) => e.type === type && e.handle === handle.handle,
      );
      const errors = checkFields(def, fields, !existing, existing?.fields);
      if (errors.length) return { metaobject: null, userErrors: errors };
      const entry = existing ?? {
        legacyId: s.id(),
        type,
        handle: handle.handle,
        fields: {},
        createdAt: now(),
        updatedAt: now(),
      };
      for (const f of fields) entry.fields[f.key] = f.value;
      entry.updatedAt = now();
      if (metaobject.handle) entry.handle = metaobject.handle;
      if (!existing) store.entries.push(entry);
      return { metaobject: entryView(s, store, entry), userErrors: [] };
    },
    metaobjectDelete: ({ id }: { id: string }) => {
      const at = store.entries.findIndex(
        (e) => e.legacyId === parseGid(id)?.id,
      );
      if (at < 0)
        return {
          deletedId: null,
          userErrors: [
            {
              field: ["id"],
              message: "Record not found",
              code: "RECORD_NOT_FOUND",
            },
          ],
        };
      store.entries.splice(at, 1);
      return { deletedId: id, userErrors: [] };
    },
  };
}
