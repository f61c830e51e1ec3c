import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { enqueueJob } from "../jobs/queue.server";
import { normaliseTags, type CustomerPayload } from "./payloads";
import { removeCustomer } from "./mirror.server";
import type { GraphQL } from "../admin-graphql";

/**
 * Since API 2025-01 Shopify's customer webhooks carry no tags and no marketing consents (and no
 * locale), yet the groups read all three (points tag, newsletter consent, language). When a
 * customers/create or customers/update payload leaves them out, this job reads them from the Admin
 * API, so a tag added in Shopify admin reaches the groups without waiting for the next full sync.
 */
export const CUSTOMER_REFRESH_JOB = "customer-refresh";

const CUSTOMER_REFRESH = `#graphql
  query CustomerRefresh($id: ID!) {
    customer(id: $id) {
      locale
      tags
      updatedAt
      defaultEmailAddress { marketingState }
      defaultPhoneNumber { marketingState }
    }
  }
`;

/** Enqueues a refresh when the payload leaves out what the groups read (one per customer version). */
export async function refreshIfIncomplete(
  db: PrismaClient,
  shop: string,
  c: CustomerPayload,
): Promise<boolean> {
  if (
    c.tags !== undefined &&
    c.email_marketing_consent !== undefined &&
    c.locale !== undefined
  )
    return false;
  // Without updated_at (Shopify always sends it) the key must not match every later version.
  const version = c.updated_at ?? new Date().toISOString();
  return enqueueJob(db, {
    shop,
    type: CUSTOMER_REFRESH_JOB,
    key: `customer-refresh:${shop}:${c.id}:${version}`,
    payload: { customerId: c.id },
  });
}

const answer = z.object({
  data: z.object({
    customer: z
      .object({
        locale: z.string().nullable(),
        tags: z.array(z.string()),
        updatedAt: z.string().datetime({ offset: true }),
        defaultEmailAddress: z
          .object({ marketingState: z.string().nullable() })
          .nullable(),
        defaultPhoneNumber: z
          .object({ marketingState: z.string().nullable() })
          .nullable(),
      })
      .nullable(),
  }),
});

/** Stores the customer's tags, consents and locale as Shopify has them now (unless a newer version is stored). */
export async function refreshCustomer(
  db: PrismaClient,
  shop: string,
  customerId: string,
  graphql: GraphQL,
): Promise<void> {
  const response = await graphql(CUSTOMER_REFRESH, {
    variables: { id: `gid://shopify/Customer/${customerId}` },
  });
  const { customer } = answer.parse(await response.json()).data;
  // Deleted in Shopify meanwhile: out of the groups, exports and follow-ups now.
  if (!customer) {
    await removeCustomer(db, shop, customerId);
    return;
  }
  const updatedAt = new Date(customer.updatedAt);
  await db.customer.updateMany({
    where: {
      shop,
      customerId,
      OR: [
        { shopifyUpdatedAt: null },
        { shopifyUpdatedAt: { lte: updatedAt } },
      ],
    },
    data: {
      locale: customer.locale,
      tags: normaliseTags(customer.tags.join(",")),
      emailConsent: customer.defaultEmailAddress?.marketingState ?? null,
      smsConsent: customer.defaultPhoneNumber?.marketingState ?? null,
      shopifyUpdatedAt: updatedAt,
    },
  });
}
