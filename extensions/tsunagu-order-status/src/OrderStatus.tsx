import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { Tracking } from "../../shared/Tracking";
import { Tutorials } from "../../shared/Tutorials";
import { backend, locale, orderId } from "./api";

/**
 * The order-status page block (customer accounts): where the parcels are and how to use what was
 * bought. Both parts are shared with the thank-you block and show nothing when they have nothing.
 */
export default async function extension() {
  render(<OrderStatus />, document.body);
}

function OrderStatus() {
  const order = orderId();
  return (
    <s-stack gap="large">
      <Tracking
        path={
          order ? `/api/customer-account/fulfillments?order=${order}` : null
        }
        backend={backend}
        i18n={shopify.i18n}
      />
      <Tutorials
        lines={shopify.lines.value}
        entries={shopify.appMetafields.value}
        language={locale()}
        i18n={shopify.i18n}
      />
    </s-stack>
  );
}
