import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";

/** Session tokens as Shopify admin mints them: HS256 JWTs signed with the app's secret. */
export function signJwt(
  payload: Record<string, unknown>,
  secret: string,
): string {
  const enc = (o: unknown) =>
    Buffer.from(JSON.stringify(o)).toString("base64url");
  const head = enc({ alg: "HS256", typ: "JWT" });
  const body = enc(payload);
  const sig = createHmac("sha256", secret)
    .update(`${head}.${body}`)
    .digest("base64url");
  return `${head}.${body}.${sig}`;
}

export function verifyJwt(
  token: string,
  secret: string,
  nowSec = Math.floor(Date.now() / 1000),
): Record<string, unknown> | null {
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const expected = createHmac("sha256", secret)
    .update(`${parts[0]}.${parts[1]}`)
    .digest();
  const given = Buffer.from(parts[2], "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return null;
  try {
    const payload = JSON.parse(
      Buffer.from(parts[1], "base64url").toString("utf8"),
    ) as Record<string, unknown>;
    if (typeof payload.exp === "number" && payload.exp < nowSec - 5)
      return null;
    if (typeof payload.nbf === "number" && payload.nbf > nowSec + 5)
      return null;
    return payload;
  } catch {
    return null;
  }
}

export function sessionToken(opts: {
  shop: string;
  apiKey: string;
  secret: string;
  userId?: string;
  ttlSec?: number;
}): string {
  const now = Math.floor(Date.now() / 1000);
  return signJwt(
    {
      iss: `https://${opts.shop}/admin`,
      dest: `https://${opts.shop}`,
      aud: opts.apiKey,
      sub: opts.userId ?? "1",
      exp: now + (opts.ttlSec ?? 60),
      nbf: now,
      iat: now,
      jti: randomUUID(),
      sid: randomUUID(),
    },
    opts.secret,
  );
}

/**
 * What Shopify's checkout gives a UI extension (thank-you page): an HS256 session token for the
 * shop, naming the buyer only when they are logged in.
 */
export function checkoutToken(opts: {
  shop: string;
  apiKey: string;
  secret: string;
  customerId?: string | number | null;
}): string {
  const now = Math.floor(Date.now() / 1000);
  const sub = opts.customerId
    ? { sub: `gid://shopify/Customer/${opts.customerId}` }
    : {};
  return signJwt(
    {
      iss: `https://${opts.shop}/checkouts`,
      dest: `https://${opts.shop}`,
      aud: opts.apiKey,
      ...sub,
      exp: now + 300,
      nbf: now,
      iat: now,
      jti: randomUUID(),
    },
    opts.secret,
  );
}

/**
 * What customer accounts give a UI extension (order-status page): an HS256 session token for the
 * shop (`dest` is its domain) that always names the signed-in customer.
 */
export function customerAccountToken(opts: {
  shop: string;
  apiKey: string;
  secret: string;
  customerId: string | number;
}): string {
  const now = Math.floor(Date.now() / 1000);
  return signJwt(
    {
      dest: opts.shop,
      aud: opts.apiKey,
      sub: `gid://shopify/Customer/${opts.customerId}`,
      exp: now + 300,
      nbf: now,
      iat: now,
      jti: randomUUID(),
    },
    opts.secret,
  );
}

/** Webhook signature: base64 HMAC-SHA256 of the raw body. */
export function webhookHmac(body: string, secret: string): string {
  return createHmac("sha256", secret).update(body, "utf8").digest("base64");
}

/** App proxy signature: hex HMAC-SHA256 of the sorted "key=value" pairs, joined with nothing. */
export function proxySignature(
  params: Record<string, string | string[]>,
  secret: string,
): string {
  const message = Object.keys(params)
    .sort()
    .map(
      (k) =>
        `${k}=${Array.isArray(params[k]) ? (params[k] as string[]).join(",") : params[k]}`,
    )
    .join("");
  return createHmac("sha256", secret).update(message).digest("hex");
}

/** OAuth redirect signature: hex HMAC-SHA256 of the sorted query string without `hmac`. */
export function queryHmac(
  params: Record<string, string>,
  secret: string,
): string {
  const message = Object.keys(params)
    .filter((k) => k !== "hmac" && k !== "signature")
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join("&");
  return createHmac("sha256", secret).update(message).digest("hex");
}
