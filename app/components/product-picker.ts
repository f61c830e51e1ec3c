import type { useAppBridge } from "@shopify/app-bridge-react";

/** A product as the admin pages keep it: numeric id and the title shown. */
export interface PickedProduct {
  id: string;
  title: string;
}

/**
 * App Bridge's product picker, several at once, with `chosen` ticked; answers the products as
 * numeric ids and titles, or null when the merchant cancels. "add" opens it without ticks.
 */
export async function pickProducts(
  shopify: ReturnType<typeof useAppBridge>,
  chosen: PickedProduct[],
  action: "select" | "add" = "select",
): Promise<PickedProduct[] | null> {
  const picked = await shopify.resourcePicker({
    type: "product",
    multiple: true,
    action,
    ...(action === "select"
      ? {
          selectionIds: chosen.map((p) => ({
            id: `gid://shopify/Product/${p.id}`,
          })),
        }
      : {}),
  });
  if (!picked) return null;
  return picked.map((p) => ({
    id: p.id.split("/").pop() ?? p.id,
    title: (p as { title?: string }).title ?? "",
  }));
}
