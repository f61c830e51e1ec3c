/**
 * A subset of Shopify's search syntax for the `query` argument:
 *   tag:vip  email:hanako@example.jp  updated_at:>'2026-01-01'  orders_count:>=2
 *   NOT tag:vip  a OR b  (implicit AND)  free text
 * Unknown fields match nothing rather than everything, as Shopify ignores them only partly.
 */
export type Getter<T> = (
  item: T,
) => string | number | string[] | null | undefined;
type Node =
  | { op: "and" | "or"; items: Node[] }
  | { op: "not"; item: Node }
  | { op: "term"; field: string | null; cmp: string; value: string };

export function parseSearch(input: string): Node {
  const tokens =
    input.match(/\(|\)|[^\s()"']+(?:'[^']*'|"[^"]*")?|'[^']*'|"[^"]*"/g) ?? [];
  let pos = 0;
  const peek = () => tokens[pos];
  function parseOr(): Node {
    const items = [parseAnd()];
    while (peek() === "OR") {
      pos++;
      items.push(parseAnd());
    }
    return items.length === 1 ? items[0] : { op: "or", items };
  }
  function parseAnd(): Node {
    const items: Node[] = [];
    while (pos < tokens.length && peek() !== ")" && peek() !== "OR") {
      if (peek() === "AND") {
        pos++;
        continue;
      }
      items.push(parseUnary());
    }
    return items.length === 1 ? items[0] : { op: "and", items };
  }
  function parseUnary(): Node {
    const t = tokens[pos++];
    if (t === "NOT" || t === "-") return { op: "not", item: parseUnary() };
    if (t.startsWith("-") && t.length > 1)
      return { op: "not", item: term(t.slice(1)) };
    if (t === "(") {
      const inner = parseOr();
      if (peek() === ")") pos++;
      return inner;
    }
    return term(t);
  }
  function term(t: string): Node {
    const m = /^([a-z_.]+):(>=|<=|>|<)?(.*)$/i.exec(t);
    if (!m) return { op: "term", field: null, cmp: ":", value: unquote(t) };
    return {
      op: "term",
      field: m[1].toLowerCase(),
      cmp: m[2] ?? ":",
      value: unquote(m[3]),
    };
  }
  return tokens.length ? parseOr() : { op: "and", items: [] };
}

function unquote(v: string): string {
  return v.replace(/^['"]|['"]$/g, "");
}

export function matches<T>(
  node: Node,
  item: T,
  fields: Record<string, Getter<T>>,
  text: (item: T) => string,
): boolean {
  switch (node.op) {
    case "and":
      return node.items.every((n) => matches(n, item, fields, text));
    case "or":
      return node.items.some((n) => matches(n, item, fields, text));
    case "not":
      return !matches(node.item, item, fields, text);
    case "term": {
      if (!node.field)
        return text(item).toLowerCase().includes(node.value.toLowerCase());
      const get = fields[node.field];
      if (!get) return false;
      return compare(get(item), node.cmp, node.value);
    }
  }
}

function compare(
  actual: string | number | string[] | null | undefined,
  cmp: string,
  expected: string,
): boolean {
  if (actual == null)
    return expected === "" || expected.toLowerCase() === "null";
  if (Array.isArray(actual))
    return actual.some((a) => a.toLowerCase() === expected.toLowerCase());
  if (cmp === ":") {
    if (expected.endsWith("*"))
      return String(actual)
        .toLowerCase()
        .startsWith(expected.slice(0, -1).toLowerCase());
    return String(actual).toLowerCase() === expected.toLowerCase();
  }
  const a =
    typeof actual === "number" ? actual : Date.parse(actual) || Number(actual);
  const e =
    typeof actual === "number"
      ? Number(expected)
      : Date.parse(expected) || Number(expected);
  if (Number.isNaN(a) || Number.isNaN(e)) return false;
  return cmp === ">"
    ? a > e
    : cmp === ">="
      ? a >= e
      : cmp === "<"
        ? a < e
        : a <= e;
}
