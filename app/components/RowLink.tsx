import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

/**
 * The link of an IndexTable row that opens on click. A row's `onClick` reaches the mouse only;
 * this link in its first cell is what keyboard and screen-reader users open it with. It stops
 * its own click there, so the row's handler does not navigate a second time.
 */
export function RowLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link
      to={to}
      onClick={(event) => event.stopPropagation()}
      style={{ color: "inherit", textDecoration: "none" }}
    >
      {children}
    </Link>
  );
}
