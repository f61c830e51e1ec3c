import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { Tracking } from "../../shared/Tracking";
import { Tutorials } from "../../shared/Tutorials";
import { backend, locale, orderQuery } from "./api";
import { Survey } from "./parts/Survey";

/**
 * The thank-you page block, made of small parts that each decide whether they have something to
 * show: where the parcels are, how to use what was bought (both shared with the order-status
 * block), and the customer-voice question.
 */
export default async function extension() {
  render(<ThankYou />, document.body);
}

function ThankYou() {
  const order = orderQuery();
  return (
    <s-stack gap="large">
      <Tracking
        path={order ? `/api/checkout/fulfillments?${order}` : null}
        backend={backend}
        i18n={shopify.i18n}
      />
      <Tutorials
        lines={shopify.lines.value}
        entries={shopify.appMetafields.value}
        language={locale()}
        i18n={shopify.i18n}
      />
      <Survey />
    </s-stack>
  );
}
