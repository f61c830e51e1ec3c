import { z } from "zod";
import type { DevStoreCore } from "../contract";
import { CARRIERS } from "../seed/generate";
import type { State } from "../state";
import { EventError } from "../events";

/** The event API's inputs, with defaults that make `npm run dev-store -- event order` just work. */
const gidOrNumber = (type: string) => {
  const message = `must be a numeric id or gid://shopify/${type}/<id>`;
  return z
    .union(
      [
        z.string().regex(/^\d+$/, message),
        z.number().int().positive(),
        z.string().regex(new RegExp(`^gid://shopify/${type}/\\d+$`), message),
      ],
      { errorMap: () => ({ message }) },
    )
    .transform((v) =>
      typeof v === "number" || /^\d+$/.test(v)
        ? `gid://shopify/${type}/${v}`
        : v,
    );
};

const schemas = {
  order: z
    .object({
      customerId: gidOrNumber("Customer").optional(),
      email: z.string().email().optional(),
      locale: z.enum(["ja", "en"]).optional(),
      lines: z
        .array(
          z.object({
            variantId: gidOrNumber("ProductVariant"),
            quantity: z.number().int().min(1).max(100),
          }),
        )
        .min(1)
        .max(50)
        .optional(),
    })
    .strict(),
  fulfill: z
    .object({
      orderId: gidOrNumber("Order").optional(),
      company: z.string().min(1).max(100).optional(),
      number: z.string().min(1).max(60).optional(),
      url: z.string().url().optional(),
    })
    .strict(),
  // A fulfillment by its id, or the latest undelivered one of an order (or of the whole shop).
  deliver: z
    .object({
      fulfillmentId: gidOrNumber("Fulfillment").optional(),
      orderId: gidOrNumber("Order").optional(),
    })
    .strict()
    .refine((x) => !(x.fulfillmentId && x.orderId), {
      message: "give fulfillmentId or orderId, not both",
      path: ["orderId"],
    }),
  inventory: z
    .object({
      inventoryItemId: gidOrNumber("InventoryItem"),
      delta: z.number().int().min(-100000).max(100000),
    })
    .strict(),
  customer: z
    .object({
      id: gidOrNumber("Customer").optional(),
      firstName: z.string().max(100).optional(),
      lastName: z.string().max(100).optional(),
      email: z.string().email().optional(),
      phone: z.string().max(30).optional(),
      locale: z.enum(["ja", "en"]).optional(),
      tags: z.array(z.string().max(255)).max(250).optional(),
      emailMarketingState: z
        .enum(["SUBSCRIBED", "NOT_SUBSCRIBED", "UNSUBSCRIBED", "PENDING"])
        .optional(),
      smsMarketingState: z
        .enum(["SUBSCRIBED", "NOT_SUBSCRIBED", "UNSUBSCRIBED", "PENDING"])
        .optional(),
    })
    .strict(),
  // A manual collection gains or loses products, is renamed, or is deleted (collections/update or /delete).
  collection: z
    .object({
      collectionId: gidOrNumber("Collection"),
      title: z.string().min(1).max(255).optional(),
      add: z.array(gidOrNumber("Product")).max(250).optional(),
      remove: z.array(gidOrNumber("Product")).max(250).optional(),
      delete: z.literal(true).optional(),
    })
    .strict()
    .refine((x) => !x.delete || (!x.title && !x.add && !x.remove), {
      message: "delete takes no other change",
      path: ["delete"],
    }),
  clock: z
    .object({
      advanceMs: z.number().int().min(0).optional(),
      advanceDays: z.number().min(0).max(3650).optional(),
    })
    .strict(),
};
export type EventKind = keyof typeof schemas;

const optionsOf = (schema: z.ZodTypeAny): string[] =>
  schema instanceof z.ZodEffects
    ? optionsOf(schema.innerType())
    : schema instanceof z.ZodObject
      ? Object.keys(schema.shape)
      : [];

/**
 * A 422 body that always says what is wrong: `error` in one line, `errors` by field. Unknown
 * fields (refused by `.strict()`) are form-level issues that `fieldErrors` leaves out, which made
 * `event deliver --orderId 1` fail with `{"errors":{}}`.
 */
function invalidInput(
  kind: EventKind,
  error: z.ZodError,
): { error: string; errors: Record<string, string[]> } {
  const options = optionsOf(schemas[kind]).join(", ");
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const keys =
      issue.code === "unrecognized_keys"
        ? issue.keys
        : [issue.path.join(".") || "input"];
    const message =
      issue.code === "unrecognized_keys"
        ? `not an option of event ${kind} (its options: ${options || "none"})`
        : issue.message;
    for (const key of keys) (errors[key] ??= []).push(message);
  }
  return {
    error: `invalid input for event ${kind}: ${Object.entries(errors)
      .map(([key, messages]) => `${key}: ${messages.join(", ")}`)
      .join("; ")}`,
    errors,
  };
}
export const EVENT_KINDS = Object.keys(schemas) as EventKind[];

export async function runEvent(
  core: DevStoreCore & { state: State },
  kind: string,
  raw: unknown,
): Promise<{ status: number; body: unknown }> {
  if (!(kind in schemas))
    return {
      status: 404,
      body: {
        error: `unknown event "${kind}"; use one of ${EVENT_KINDS.join(", ")}`,
      },
    };
  const parsed = schemas[kind as EventKind].safeParse(raw ?? {});
  if (!parsed.success)
    return { status: 422, body: invalidInput(kind as EventKind, parsed.error) };
  const s = core.state;
  const input = parsed.data as Record<string, unknown>;
  try {
    switch (kind as EventKind) {
      case "order": {
        const seq = s.orders.length;
        const customer =
          (input.customerId as string | undefined) ??
          (input.email
            ? undefined
            : `gid://shopify/Customer/${s.customers.filter((c) => c.state === "ENABLED")[seq % 50].legacyId}`);
        const product = s.products[(seq * 7) % s.products.length];
        const lines = (input.lines as
          { variantId: string; quantity: number }[] | undefined) ?? [
          {
            variantId: `gid://shopify/ProductVariant/${product.variants[0].legacyId}`,
            quantity: 1,
          },
        ];
        return {
          status: 201,
          body: await core.createOrder({
            customerId: customer,
            email: input.email as string | undefined,
            locale: input.locale as "ja" | "en" | undefined,
            lines,
          }),
        };
      }
      case "fulfill": {
        const orderId =
          (input.orderId as string | undefined) ??
          `gid://shopify/Order/${s.orders[s.orders.length - 1].legacyId}`;
        const number =
          (input.number as string | undefined) ??
          String(400000000000 + s.orders.length);
        const carrier = CARRIERS.yamato;
        return {
          status: 201,
          body: await core.fulfillOrder(orderId, {
            company: (input.company as string) ?? carrier.company,
            number,
            url: (input.url as string) ?? carrier.url(number),
          }),
        };
      }
      case "deliver": {
        const orderId = input.orderId as string | undefined;
        const order = orderId
          ? s.orders.find(
              (o) => `gid://shopify/Order/${o.legacyId}` === orderId,
            )
          : undefined;
        if (orderId && !order)
          return {
            status: 404,
            body: {
              error: `no order ${orderId}`,
              errors: { orderId: [`no order ${orderId}`] },
            },
          };
        const latest = (order ? [order] : s.orders)
          .flatMap((o) => o.fulfillments)
          .filter((f) => f.displayStatus !== "DELIVERED")
          .pop();
        const id =
          (input.fulfillmentId as string | undefined) ??
          (latest ? `gid://shopify/Fulfillment/${latest.legacyId}` : undefined);
        if (!id) {
          const why = order
            ? `order ${orderId} has no undelivered fulfillment (fulfil it first: event fulfill --orderId ${order.legacyId})`
            : "nothing to deliver: no undelivered fulfillment (fulfil an order first: event fulfill)";
          return {
            status: 422,
            body: {
              error: why,
              errors: { [order ? "orderId" : "fulfillmentId"]: [why] },
            },
          };
        }
        await core.markDelivered(id);
        return { status: 200, body: { fulfillmentId: id } };
      }
      case "inventory":
        return {
          status: 200,
          body: await core.adjustInventory(
            input.inventoryItemId as string,
            input.delta as number,
          ),
        };
      case "customer": {
        const data = { ...input } as Parameters<
          DevStoreCore["upsertCustomer"]
        >[0];
        if (!data.id && !data.email)
          data.email = `new.customer.${s.customers.length + 1}@example.jp`;
        return {
          status: data.id ? 200 : 201,
          body: await core.upsertCustomer(data),
        };
      }
      case "collection": {
        const id = input.collectionId as string;
        if (input.delete) {
          await core.deleteCollection(id);
          return { status: 200, body: { collectionId: id, deleted: true } };
        }
        return {
          status: 200,
          body: await core.updateCollection({
            id,
            title: input.title as string | undefined,
            addProductIds: input.add as string[] | undefined,
            removeProductIds: input.remove as string[] | undefined,
          }),
        };
      }
      case "clock": {
        const ms =
          (input.advanceMs as number | undefined) ??
          Math.round(
            ((input.advanceDays as number | undefined) ?? 0) * 86_400_000,
          );
        core.advanceClock(ms);
        return { status: 200, body: { now: core.now().toISOString() } };
      }
    }
  } catch (error) {
    if (error instanceof EventError)
      return { status: 422, body: { error: error.message } };
    throw error;
  }
  return { status: 500, body: { error: "unreachable" } };
}
