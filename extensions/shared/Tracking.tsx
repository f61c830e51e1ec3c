import { useEffect, useState } from "preact/hooks";
import { carrierLabel } from "./carriers";
import type { I18n } from "./i18n";
import {
  hasShipments,
  readShipments,
  statusLabel,
  type Parcel,
  type ShipmentLine,
  type Shipments,
} from "./shipments";

/**
 * Where the order's parcels are: per shipment its state, carrier (by the name shoppers know it,
 * carriers.ts) and tracking number (a link when the carrier's URL is http(s)), then what is still
 * being prepared. The app answers `path`
 * through `backend` (with the surface's session token); when that fails, or there is nothing to
 * tell, the part shows nothing.
 */
export function Tracking({
  path,
  backend,
  i18n,
}: {
  path: string | null;
  backend: (path: string) => Promise<unknown>;
  i18n: I18n;
}) {
  const [shipments, setShipments] = useState<Shipments | null>(null);

  useEffect(() => {
    if (!path) return;
    let live = true;
    backend(path)
      .then((body) => live && setShipments(readShipments(body)))
      .catch(() => live && setShipments(null));
    return () => {
      live = false;
    };
  }, [path, backend]);

  if (!hasShipments(shipments)) return null;
  const t = i18n.translate;
  const { fulfillments, unfulfilled } = shipments;
  return (
    <s-section heading={t("tracking.heading")}>
      <s-stack gap="base">
        {fulfillments.map((f, i) => {
          const status = statusLabel(f.displayStatus);
          return (
            <s-stack key={i} gap="small-200">
              <s-stack direction="inline" gap="small-200" alignItems="center">
                {fulfillments.length > 1 && (
                  <s-text type="strong">
                    {t("tracking.parcel", { number: i + 1 })}
                  </s-text>
                )}
                <s-badge tone={status.critical ? "critical" : "neutral"}>
                  {t(status.key)}
                </s-badge>
                {f.createdAt && (
                  <s-text color="subdued">
                    {t("tracking.shippedOn", {
                      date: i18n.formatDate(f.createdAt, {
                        dateStyle: "medium",
                      }),
                    })}
                  </s-text>
                )}
              </s-stack>
              <Lines lines={f.lines} t={t} />
              {f.tracking.length ? (
                f.tracking.map((p, j) => <ParcelRow key={j} parcel={p} t={t} />)
              ) : (
                <s-text color="subdued">{t("tracking.noNumber")}</s-text>
              )}
            </s-stack>
          );
        })}
        {unfulfilled.length > 0 && (
          <s-stack gap="small-200">
            <s-stack direction="inline" gap="small-200" alignItems="center">
              <s-badge>{t("tracking.preparing")}</s-badge>
            </s-stack>
            <Lines lines={unfulfilled} t={t} />
          </s-stack>
        )}
      </s-stack>
    </s-section>
  );
}

function Lines({ lines, t }: { lines: ShipmentLine[]; t: I18n["translate"] }) {
  if (!lines.length) return null;
  return (
    <s-stack gap="none">
      {lines.map((l, i) => (
        <s-text key={i}>
          {t("tracking.line", { title: l.title, quantity: l.quantity })}
        </s-text>
      ))}
    </s-stack>
  );
}

function ParcelRow({ parcel, t }: { parcel: Parcel; t: I18n["translate"] }) {
  const { company, number, url } = parcel;
  return (
    <s-stack direction="inline" gap="small-200" alignItems="center">
      {company && <s-text>{carrierLabel(company, t)}</s-text>}
      {number && <s-text color="subdued">{t("tracking.number")}</s-text>}
      {number && url ? (
        <s-link
          href={url}
          target="_blank"
          accessibilityLabel={t("tracking.trackLabel", { number })}
        >
          {number}
        </s-link>
      ) : number ? (
        <s-text>{number}</s-text>
      ) : url ? (
        <s-link href={url} target="_blank">
          {t("tracking.track")}
        </s-link>
      ) : null}
    </s-stack>
  );
}
