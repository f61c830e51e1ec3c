import type { State } from "../state";

/** A deterministic placeholder product image: the product's colour and its vendor's initial. */
export function placeholderSvg(name: string, state: State): string {
  const id = Number(/(\d+)$/.exec(name)?.[1] ?? 0);
  const product = state.productById.get(id);
  const color = product?.imageColor ?? "#8a8a8a";
  const initial = (product?.vendor ?? "?").slice(0, 1).replace(/[<&>]/g, "");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600" viewBox="0 0 600 600"><rect width="600" height="600" fill="${color}"/><circle cx="300" cy="300" r="150" fill="#ffffff" fill-opacity="0.18"/><text x="300" y="345" font-family="system-ui, sans-serif" font-size="140" text-anchor="middle" fill="#ffffff">${initial}</text></svg>`;
}
