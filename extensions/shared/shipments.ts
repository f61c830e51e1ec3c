import { httpUrl, isRecord, text } from "./values";

/**
 * The app's answer to GET /api/{checkout|customer-account}/fulfillments?order=<id>: the order's
 * shipments (carrier, tracking number, link) and what has not shipped yet. Read defensively:
 * whatever is not shaped as agreed is dropped, never thrown.
 */
export interface ShipmentLine {
  title: string;
  quantity: number;
}

export interface Parcel {
  company: string | null;
  number: string | null;
  /** Only ever an http(s) URL; anything else is dropped and the number is shown as text. */
  url: string | null;
}

export interface Shipment {
  displayStatus: string | null;
  createdAt: Date | null;
  tracking: Parcel[];
  lines: ShipmentLine[];
}

export interface Shipments {
  fulfillments: Shipment[];
  unfulfilled: ShipmentLine[];
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

const lines = (v: unknown): ShipmentLine[] =>
  list(v).flatMap((l) => {
    const title = isRecord(l) ? text(l.title) : null;
    return title &&
      isRecord(l) &&
      typeof l.quantity === "number" &&
      l.quantity > 0
      ? [{ title, quantity: l.quantity }]
      : [];
  });

export function readShipments(body: unknown): Shipments | null {
  if (!isRecord(body)) return null;
  const fulfillments = list(body.fulfillments).flatMap((f): Shipment[] => {
    if (!isRecord(f)) return [];
    const created =
      typeof f.createdAt === "string" ? new Date(f.createdAt) : null;
    return [
      {
        displayStatus: text(f.displayStatus),
        createdAt: created && !Number.isNaN(created.getTime()) ? created : null,
        tracking: list(f.tracking).flatMap((t) =>
          isRecord(t)
            ? [
                {
                  company: text(t.company),
                  number: text(t.number),
                  url: httpUrl(t.url),
                },
              ]
            : [],
        ),
        lines: lines(f.lines),
      },
    ];
  });
  return { fulfillments, unfulfilled: lines(body.unfulfilled) };
}

/**
 * Shopify's FulfillmentDisplayStatus, folded into the few states a shopper cares about. Keys are
 * written out (not built) so the locale test finds every one of them.
 */
const STATUS: Record<string, { key: string; critical?: true }> = {
  IN_TRANSIT: { key: "tracking.status.inTransit" },
  CARRIER_PICKED_UP: { key: "tracking.status.inTransit" },
  OUT_FOR_DELIVERY: { key: "tracking.status.outForDelivery" },
  DELIVERED: { key: "tracking.status.delivered" },
  PICKED_UP: { key: "tracking.status.delivered" },
  READY_FOR_PICKUP: { key: "tracking.status.readyForPickup" },
  ATTEMPTED_DELIVERY: { key: "tracking.status.attempted", critical: true },
  DELAYED: { key: "tracking.status.delayed", critical: true },
  FAILURE: { key: "tracking.status.failed", critical: true },
  NOT_DELIVERED: { key: "tracking.status.failed", critical: true },
  CANCELED: { key: "tracking.status.canceled" },
  LABEL_VOIDED: { key: "tracking.status.canceled" },
};

/** The label key for a shipment; anything else (FULFILLED, LABEL_PRINTED, CONFIRMED, none...) reads "Shipped". */
export function statusLabel(displayStatus: string | null): {
  key: string;
  critical: boolean;
} {
  const s = displayStatus ? STATUS[displayStatus] : undefined;
  return s
    ? { key: s.key, critical: s.critical === true }
    : { key: "tracking.status.shipped", critical: false };
}

export const hasShipments = (s: Shipments | null): s is Shipments =>
  !!s && (s.fulfillments.length > 0 || s.unfulfilled.length > 0);
