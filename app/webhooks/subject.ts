/**
 * Which customer and order a webhook is about (numeric ids as text), read from Shopify's REST
 * payloads, so that customers/redact can find and erase every trace of a customer.
 */
export function subjectOf(
  topic: string,
  payload: unknown,
): { customerId: string | null; orderId: string | null } {
  const p = (payload ?? {}) as Record<string, unknown>;
  const id = (v: unknown) =>
    typeof v === "number" || (typeof v === "string" && /^\d+$/.test(v))
      ? String(v)
      : null;
  const customer = (p.customer ?? null) as Record<string, unknown> | null;
  if (
    topic.startsWith("customers/") &&
    topic !== "customers/data_request" &&
    topic !== "customers/redact"
  ) {
    return { customerId: id(p.id), orderId: null };
  }
  if (topic.startsWith("orders/"))
    return { customerId: id(customer?.id), orderId: id(p.id) };
  if (topic.startsWith("fulfillments/"))
    return { customerId: null, orderId: id(p.order_id) };
  if (topic === "customers/data_request" || topic === "customers/redact") {
    return { customerId: id(customer?.id), orderId: null };
  }
  return { customerId: null, orderId: null };
}
