import { normaliseTags } from "./payloads";

/**
 * Lines of the customer sync's bulk JSONL: a customer object, or one of its orders or metafields
 * carrying `__parentId`. Parsed strictly enough that a malformed line stops the sync instead of
 * writing half a customer. Hand-written checks rather than zod: this runs once per line of
 * files with millions of lines, where zod's per-object cost was three quarters of the parse time.
 */
class BadLine extends Error {}

const ISO_DATETIME =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const AMOUNT = /^-?\d+(\.\d+)?$/;

function gidNumber(value: unknown, type: string, field: string): string {
  const prefix = `gid://shopify/${type}/`;
  if (typeof value !== "string" || !value.startsWith(prefix))
    throw new BadLine(`${field}: expected a ${type} id`);
  const id = value.slice(prefix.length);
  if (!/^\d+$/.test(id)) throw new BadLine(`${field}: expected a ${type} id`);
  return id;
}

function str(value: unknown, field: string, max = 10_000): string {
  if (typeof value !== "string" || value.length > max)
    throw new BadLine(`${field}: expected a string`);
  return value;
}

function optStr(value: unknown, field: string): string | null {
  return value === undefined || value === null ? null : str(value, field);
}

function date(value: unknown, field: string): Date {
  if (typeof value !== "string" || !ISO_DATETIME.test(value))
    throw new BadLine(`${field}: expected an ISO 8601 date-time`);
  const at = new Date(value);
  // The pattern lets "2025-13-01" through; Date makes it NaN (and rolls "02-30" over, see storedText).
  if (Number.isNaN(at.getTime()))
    throw new BadLine(`${field}: expected an ISO 8601 date-time`);
  return at;
}

/**
 * A date as the tables store it (UTC, milliseconds, "+00:00"). Shopify's own UTC text is reused
 * when it already has that shape: formatting millions of dates again was seconds of a large sync.
 * Its DateTime scalar comes without milliseconds ("2019-09-07T15:50:00Z"); with them is accepted
 * too. The day check catches what Date rolled over ("02-30T..." became March 2nd).
 */
function storedText(raw: string, at: Date): string {
  const n = raw.length;
  if (
    (n === 24 || n === 20) &&
    raw.charCodeAt(n - 1) === 90 /* Z */ &&
    at.getUTCDate() === (raw.charCodeAt(8) - 48) * 10 + raw.charCodeAt(9) - 48
  ) {
    if (n === 24 && raw.charCodeAt(19) === 46 /* . */)
      return `${raw.slice(0, 23)}+00:00`;
    if (n === 20) return `${raw.slice(0, 19)}.000+00:00`;
  }
  return at.toISOString().replace("Z", "+00:00");
}

function stamp(value: unknown, field: string): { at: Date; text: string } {
  const at = date(value, field);
  return { at, text: storedText(value as string, at) };
}

function optStamp(
  value: unknown,
  field: string,
): { at: Date; text: string } | null {
  return value === undefined || value === null ? null : stamp(value, field);
}

function obj(value: unknown, field: string): Record<string, unknown> {
  if (!value || typeof value !== "object" || Array.isArray(value))
    throw new BadLine(`${field}: expected an object`);
  return value as Record<string, unknown>;
}

function optObj(value: unknown, field: string): Record<string, unknown> | null {
  return value === undefined || value === null ? null : obj(value, field);
}

export type SyncedCustomer = {
  customerId: string;
  firstName: string | null;
  lastName: string | null;
  locale: string | null;
  accountState: string | null;
  tags: string;
  email: string | null;
  phone: string | null;
  emailConsent: string | null;
  smsConsent: string | null;
  shopifyUpdatedAt: Date | null;
  /** shopifyUpdatedAt as the tables store it. */
  shopifyUpdatedAtText: string | null;
};

export type SyncedOrder = {
  orderId: string;
  customerId: string;
  name: string;
  processedAt: Date;
  shopifyUpdatedAt: Date | null;
  /** processedAt and shopifyUpdatedAt as the tables store them. */
  processedAtText: string;
  shopifyUpdatedAtText: string | null;
  locale: string | null;
  financialStatus: string | null;
  fulfillmentStatus: string | null;
  totalPrice: string;
  currency: string;
};

export type SyncedMetafield = {
  customerId: string;
  namespace: string;
  key: string;
  value: string;
};

export function parseSyncLine(
  line: string,
):
  | { customer: SyncedCustomer }
  | { order: SyncedOrder }
  | { metafield: SyncedMetafield } {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    throw new Error(`not JSON: ${line.slice(0, 80)}`);
  }
  try {
    return parseObject(obj(raw, "line"));
  } catch (error) {
    if (error instanceof BadLine)
      throw new Error(
        `malformed line (${error.message}): ${line.slice(0, 80)}`,
      );
    throw error;
  }
}

function parseObject(r: Record<string, unknown>) {
  if (
    "__parentId" in r &&
    typeof r.id === "string" &&
    r.id.startsWith("gid://shopify/Metafield/")
  ) {
    gidNumber(r.id, "Metafield", "id");
    return {
      metafield: {
        customerId: gidNumber(r.__parentId, "Customer", "__parentId"),
        namespace: str(r.namespace, "namespace", 255),
        key: str(r.key, "key", 255),
        value: str(r.value, "value"),
      },
    };
  }
  if ("__parentId" in r) {
    const money = obj(
      obj(r.currentTotalPriceSet, "currentTotalPriceSet").shopMoney,
      "shopMoney",
    );
    const amount = str(money.amount, "amount", 40);
    if (!AMOUNT.test(amount)) throw new BadLine("amount: expected a decimal");
    const financial = optStr(
      r.displayFinancialStatus,
      "displayFinancialStatus",
    );
    const processed = stamp(r.processedAt, "processedAt");
    const updated = optStamp(r.updatedAt, "updatedAt");
    return {
      order: {
        orderId: gidNumber(r.id, "Order", "id"),
        customerId: gidNumber(r.__parentId, "Customer", "__parentId"),
        name: str(r.name, "name", 255),
        processedAt: processed.at,
        shopifyUpdatedAt: updated?.at ?? null,
        processedAtText: processed.text,
        shopifyUpdatedAtText: updated?.text ?? null,
        locale: optStr(r.customerLocale, "customerLocale"),
        // Webhooks carry REST's lower-case statuses; keep one vocabulary in the tables.
        financialStatus: financial ? financial.toLowerCase() : null,
        fulfillmentStatus:
          optStr(r.displayFulfillmentStatus, "displayFulfillmentStatus") ===
          "FULFILLED"
            ? "fulfilled"
            : null,
        totalPrice: amount,
        currency: str(money.currencyCode, "currencyCode", 8),
      },
    };
  }
  const tags = r.tags === undefined ? [] : r.tags;
  if (!Array.isArray(tags) || tags.some((t) => typeof t !== "string"))
    throw new BadLine("tags: expected a list of strings");
  const email = optObj(r.defaultEmailAddress, "defaultEmailAddress");
  const phone = optObj(r.defaultPhoneNumber, "defaultPhoneNumber");
  const updated = optStamp(r.updatedAt, "updatedAt");
  return {
    customer: {
      customerId: gidNumber(r.id, "Customer", "id"),
      firstName: optStr(r.firstName, "firstName"),
      lastName: optStr(r.lastName, "lastName"),
      locale: optStr(r.locale, "locale"),
      accountState: optStr(r.state, "state"),
      tags: normaliseTags((tags as string[]).join(",")),
      email: email ? optStr(email.emailAddress, "emailAddress") : null,
      phone: phone ? optStr(phone.phoneNumber, "phoneNumber") : null,
      emailConsent: email
        ? optStr(email.marketingState, "marketingState")
        : null,
      smsConsent: phone ? optStr(phone.marketingState, "marketingState") : null,
      shopifyUpdatedAt: updated?.at ?? null,
      shopifyUpdatedAtText: updated?.text ?? null,
    },
  };
}
