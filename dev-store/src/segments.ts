import type { Customer } from "./seed/types";
import type { State } from "./state";

/**
 * A subset of Shopify's customer segment query language (ShopifyQL for segments):
 *   number_of_orders >= 2 AND last_order_date < -90d
 *   customer_account_status = 'ENABLED'   email_subscription_status = 'SUBSCRIBED'
 *   customer_tags CONTAINS 'vip'          customer_language = 'ja'
 *   amount_spent > 10000                  metafields.loyalty.points > 0
 *   first_order_date, customer_added_date; AND, OR, NOT, parentheses.
 * Anything else is a SegmentQueryError with Shopify-like "Line 1 Column N" positions.
 */
export class SegmentQueryError extends Error {}

type Cond = {
  attr: string;
  op: string;
  value: string | number | { days: number };
};
type Tree = { and: Tree[] } | { or: Tree[] } | { not: Tree } | { cond: Cond };

const ATTRS = new Set([
  "number_of_orders",
  "amount_spent",
  "last_order_date",
  "first_order_date",
  "customer_added_date",
  "customer_account_status",
  "email_subscription_status",
  "sms_subscription_status",
  "customer_tags",
  "customer_language",
]);

export function parseSegmentQuery(input: string): Tree {
  const re =
    /\s*(\(|\)|>=|<=|!=|=|>|<|'(?:[^'\\]|\\.)*'|-?\d+(?:\.\d+)?d?|[A-Za-z_][\w.]*)/y;
  const tokens: { t: string; col: number }[] = [];
  let pos = 0;
  while (pos < input.length) {
    if (/^\s*$/.test(input.slice(pos))) break;
    re.lastIndex = pos;
    const m = re.exec(input);
    if (!m)
      throw new SegmentQueryError(
        `Line 1 Column ${pos + 1}: unexpected character '${input[pos]}'`,
      );
    tokens.push({ t: m[1], col: m.index + m[0].indexOf(m[1]) + 1 });
    pos = re.lastIndex;
  }
  if (!tokens.length)
    throw new SegmentQueryError("Line 1 Column 1: query can't be blank");
  let i = 0;
  const peek = () => tokens[i]?.t;
  const fail = (what: string): never => {
    const tok = tokens[i];
    throw new SegmentQueryError(
      `Line 1 Column ${tok ? tok.col : input.length + 1}: ${what}`,
    );
  };
  function or(): Tree {
    const items = [and()];
    while (peek()?.toUpperCase() === "OR") {
      i++;
      items.push(and());
    }
    return items.length === 1 ? items[0] : { or: items };
  }
  function and(): Tree {
    const items = [unary()];
    while (peek()?.toUpperCase() === "AND") {
      i++;
      items.push(unary());
    }
    return items.length === 1 ? items[0] : { and: items };
  }
  function unary(): Tree {
    if (peek()?.toUpperCase() === "NOT") {
      i++;
      return { not: unary() };
    }
    if (peek() === "(") {
      i++;
      const inner = or();
      if (peek() !== ")") fail("expected ')'");
      i++;
      return inner;
    }
    return { cond: cond() };
  }
  function cond(): Cond {
    const attrTok = tokens[i];
    if (!attrTok) fail("expected a filter");
    const attr = attrTok.t;
    if (!ATTRS.has(attr) && !/^metafields\.\w+\.\w+$/.test(attr))
      fail(`'${attr}' filter is invalid`);
    i++;
    let op = peek();
    if (
      op?.toUpperCase() === "NOT" &&
      tokens[i + 1]?.t.toUpperCase() === "CONTAINS"
    ) {
      i += 2;
      op = "NOT CONTAINS";
    } else if (op?.toUpperCase() === "CONTAINS") {
      i++;
      op = "CONTAINS";
    } else if (op && ["=", "!=", ">", ">=", "<", "<="].includes(op)) {
      i++;
    } else fail(`expected an operator after '${attr}'`);
    const raw = peek();
    if (raw === undefined) fail("expected a value");
    i++;
    let value: Cond["value"];
    if (raw!.startsWith("'")) value = raw!.slice(1, -1);
    else if (/^-?\d+d$/.test(raw!)) value = { days: Number(raw!.slice(0, -1)) };
    else if (/^-?\d+(\.\d+)?$/.test(raw!)) value = Number(raw);
    else {
      i--;
      fail(`'${raw}' is not a valid value`);
    }
    if (attr === "customer_tags" && !op!.includes("CONTAINS"))
      fail("customer_tags supports CONTAINS and NOT CONTAINS");
    return { attr, op: op!, value: value! };
  }
  const tree = or();
  if (i < tokens.length) fail(`unexpected '${tokens[i].t}'`);
  return tree;
}

/**
 * Relative dates ("-90d") are whole days: local midnight of today in `timeZone` (the members
 * query's `timezone` argument, UTC by default, as Shopify documents), minus N days.
 */
export function evaluateSegment(
  tree: Tree,
  c: Customer,
  s: State,
  now = Date.now(),
  timeZone = "UTC",
): boolean {
  return evaluate(tree, c, s, localMidnight(now, timeZone));
}

function localMidnight(now: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(new Date(now))
      .map((p) => [p.type, p.value]),
  );
  const localAsUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  const offset = localAsUtc - Math.floor(now / 1000) * 1000;
  return (
    Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day)) -
    offset
  );
}

function evaluate(tree: Tree, c: Customer, s: State, today: number): boolean {
  if ("and" in tree) return tree.and.every((t) => evaluate(t, c, s, today));
  if ("or" in tree) return tree.or.some((t) => evaluate(t, c, s, today));
  if ("not" in tree) return !evaluate(tree.not, c, s, today);
  const { attr, op, value } = tree.cond;
  const orders = s.customerOrders(c);
  switch (attr) {
    case "number_of_orders":
      return cmp(orders.length, op, value);
    case "amount_spent":
      return cmp(s.amountSpent(c), op, value);
    case "last_order_date":
      return (
        orders.length > 0 &&
        cmpDate(orders[orders.length - 1].processedAt, op, value, today)
      );
    case "first_order_date":
      return (
        orders.length > 0 && cmpDate(orders[0].processedAt, op, value, today)
      );
    case "customer_added_date":
      return cmpDate(c.createdAt, op, value, today);
    case "customer_account_status":
      return cmp(c.state, op, value);
    case "email_subscription_status":
      return cmp(c.emailMarketing, op, value);
    case "sms_subscription_status":
      return cmp(c.smsMarketing, op, value);
    case "customer_language":
      return cmp(c.locale, op, value);
    case "customer_tags": {
      const has = c.tags.some(
        (t) => t.toLowerCase() === String(value).toLowerCase(),
      );
      return op === "CONTAINS" ? has : !has;
    }
    default: {
      const [, ns, key] = attr.split(".");
      const m = c.metafields.find((x) => x.namespace === ns && x.key === key);
      if (!m) return false;
      return cmp(
        m.type.startsWith("number") ? Number(m.value) : m.value,
        op,
        value,
      );
    }
  }
}

function cmp(
  actual: string | number,
  op: string,
  expected: Cond["value"],
): boolean {
  if (typeof expected === "object") return false;
  const a =
    typeof expected === "number"
      ? Number(actual)
      : String(actual).toUpperCase();
  const e = typeof expected === "number" ? expected : expected.toUpperCase();
  switch (op) {
    case "=":
      return a === e;
    case "!=":
      return a !== e;
    case ">":
      return a > e;
    case ">=":
      return a >= e;
    case "<":
      return a < e;
    case "<=":
      return a <= e;
  }
  return false;
}

function cmpDate(
  iso: string,
  op: string,
  value: Cond["value"],
  today: number,
): boolean {
  const t = Date.parse(iso);
  const ref =
    typeof value === "object"
      ? today + value.days * 86_400_000
      : typeof value === "string"
        ? Date.parse(value)
        : NaN;
  if (Number.isNaN(ref)) return false;
  return cmp(t, op, ref);
}
