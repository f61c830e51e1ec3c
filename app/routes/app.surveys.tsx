import type { LoaderFunctionArgs } from "@remix-run/node";
import { authenticate } from "../shopify.server";
import { ComingSoon } from "../components/ComingSoon";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.admin(request);
  return null;
};

export default function Section() {
  return <ComingSoon title="nav.surveys" description="comingSoon.surveys" />;
}
