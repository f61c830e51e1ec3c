/**
 * Who a privacy request is about, as the merchant knows them. The customer's Shopify id alone
 * (7000000000012) tells the merchant nothing: the list shows the synced customer's name and
 * email, or, once the customer is redacted and no longer synced, the email Shopify sent with the
 * request (kept in the report).
 */
export function emailInReport(report: string): string | null {
  try {
    const email = (
      JSON.parse(report) as { request?: { customer?: { email?: unknown } } }
    ).request?.customer?.email;
    return typeof email === "string" && email ? email : null;
  } catch {
    return null;
  }
}
