import type { useAppBridge } from "@shopify/app-bridge-react";

/** A collection as the admin pages keep it: numeric id and the title shown. */
export interface PickedCollection {
  id: string;
  title: string;
}

/**
 * App Bridge's collection picker, several at once, with `chosen` ticked; answers numeric ids and
 * titles, or null when the merchant cancels. Same contract as `pickProducts`.
 */
export async function pickCollections(
  shopify: ReturnType<typeof useAppBridge>,
  chosen: PickedCollection[],
): Promise<PickedCollection[] | null> {
  const picked = await shopify.resourcePicker({
    type: "collection",
    multiple: true,
    action: "select",
    selectionIds: chosen.map((c) => ({
      id: `gid://shopify/Collection/${c.id}`,
    })),
  });
  if (!picked) return null;
  return picked.map((c) => ({
    id: c.id.split("/").pop() ?? c.id,
    title: (c as { title?: string }).title ?? "",
  }));
}
