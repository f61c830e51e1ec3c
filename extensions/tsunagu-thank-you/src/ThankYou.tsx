import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { Survey } from "./parts/Survey";

/**
 * The thank-you page block, made of small parts that each decide whether they have something to
 * show: the customer-voice question today; order tracking and product tutorials join it.
 */
export default async function extension() {
  render(<ThankYou />, document.body);
}

function ThankYou() {
  return (
    <s-stack gap="large">
      <Survey />
    </s-stack>
  );
}
