import { randomBytes } from "node:crypto";
import { z } from "zod";
import { queryHmac, verifyJwt } from "./crypto";

/**
 * Shopify's OAuth endpoints for one shop: token exchange (what embedded apps use), the
 * authorization-code grant, and refresh of expiring offline tokens. Issued tokens carry the
 * scopes in the app's toml.
 */
export interface Token {
  token: string;
  scopes: string[];
  online: boolean;
  expiresAt: number | null;
}

const TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
const OFFLINE = "urn:shopify:params:oauth:token-type:offline-access-token";
const ONLINE = "urn:shopify:params:oauth:token-type:online-access-token";

const body = z.object({
  client_id: z.string(),
  client_secret: z.string(),
  grant_type: z.string().optional(),
  subject_token: z.string().optional(),
  subject_token_type: z.string().optional(),
  requested_token_type: z.string().optional(),
  expiring: z
    .union([z.literal("1"), z.literal("0"), z.literal(1), z.literal(0)])
    .optional(),
  code: z.string().optional(),
  refresh_token: z.string().optional(),
});

export class OAuth {
  private tokens = new Map<string, Token>();
  private refresh = new Map<string, { expiresAt: number }>();
  private codes = new Map<string, number>();

  constructor(
    private opts: {
      shop: string;
      apiKey: string;
      apiSecret: string;
      scopes: string[];
    },
  ) {}

  lookup(accessToken: string | null | undefined): Token | null {
    if (!accessToken) return null;
    const t = this.tokens.get(accessToken);
    if (!t || (t.expiresAt && t.expiresAt < Date.now())) return null;
    return t;
  }

  revokeAll(): void {
    this.tokens.clear();
    this.refresh.clear();
  }

  /** Authorization-code grant, step 1: the merchant approves and is sent back with a code. */
  authorizeRedirect(query: URLSearchParams): {
    status: number;
    location?: string;
    error?: string;
  } {
    if (query.get("client_id") !== this.opts.apiKey)
      return { status: 400, error: "invalid client_id" };
    const redirect = query.get("redirect_uri");
    if (!redirect || !/^https?:\/\//.test(redirect))
      return { status: 400, error: "invalid redirect_uri" };
    const code = randomBytes(16).toString("hex");
    this.codes.set(code, Date.now() + 60_000);
    const params: Record<string, string> = {
      code,
      host: Buffer.from(
        `admin.shopify.com/store/${this.opts.shop.replace(".myshopify.com", "")}`,
      ).toString("base64url"),
      shop: this.opts.shop,
      state: query.get("state") ?? "",
      timestamp: String(Math.floor(Date.now() / 1000)),
    };
    params.hmac = queryHmac(params, this.opts.apiSecret);
    return {
      status: 302,
      location: `${redirect}${redirect.includes("?") ? "&" : "?"}${new URLSearchParams(params)}`,
    };
  }

  /** POST /admin/oauth/access_token */
  accessToken(raw: unknown): { status: number; body: unknown } {
    const parsed = body.safeParse(raw);
    if (!parsed.success)
      return {
        status: 400,
        body: {
          error: "invalid_request",
          error_description: "Missing or invalid parameters",
        },
      };
    const b = parsed.data;
    if (
      b.client_id !== this.opts.apiKey ||
      b.client_secret !== this.opts.apiSecret
    ) {
      return {
        status: 401,
        body: {
          error: "invalid_client",
          error_description: "Client credentials are invalid",
        },
      };
    }
    const expiring = b.expiring === "1" || b.expiring === 1;
    if (b.grant_type === TOKEN_EXCHANGE && b.subject_token_type === OFFLINE) {
      // Migration of a non-expiring offline token to an expiring one.
      const old = b.subject_token ? this.lookup(b.subject_token) : null;
      if (!old || old.online)
        return {
          status: 400,
          body: {
            error: "invalid_subject_token",
            error_description: "Access token is invalid",
          },
        };
      this.tokens.delete(old.token);
      return { status: 200, body: this.issue(false, true) };
    }
    if (b.grant_type === TOKEN_EXCHANGE) {
      const claims = b.subject_token
        ? verifyJwt(b.subject_token, this.opts.apiSecret)
        : null;
      if (
        !claims ||
        claims.aud !== this.opts.apiKey ||
        claims.dest !== `https://${this.opts.shop}`
      ) {
        return {
          status: 400,
          body: {
            error: "invalid_subject_token",
            error_description: "Session token is invalid",
          },
        };
      }
      if (b.requested_token_type === ONLINE)
        return {
          status: 200,
          body: this.issue(true, false, String(claims.sub ?? "1")),
        };
      if (b.requested_token_type && b.requested_token_type !== OFFLINE)
        return {
          status: 400,
          body: {
            error: "invalid_request",
            error_description: "Unsupported requested_token_type",
          },
        };
      return { status: 200, body: this.issue(false, expiring) };
    }
    if (b.grant_type === "refresh_token") {
      const r = b.refresh_token ? this.refresh.get(b.refresh_token) : undefined;
      if (!r || r.expiresAt < Date.now())
        return {
          status: 400,
          body: {
            error: "invalid_grant",
            error_description: "Refresh token is invalid or expired",
          },
        };
      this.refresh.delete(b.refresh_token!);
      return { status: 200, body: this.issue(false, true) };
    }
    if (b.code) {
      const until = this.codes.get(b.code);
      this.codes.delete(b.code);
      if (!until || until < Date.now())
        return {
          status: 400,
          body: {
            error: "invalid_request",
            error_description:
              "The authorization code was not found or was already used",
          },
        };
      return { status: 200, body: this.issue(false, expiring) };
    }
    return { status: 400, body: { error: "unsupported_grant_type" } };
  }

  private issue(online: boolean, expiring: boolean, userId = "1") {
    const token = `shpat_${randomBytes(16).toString("hex")}`;
    const scope = this.opts.scopes.join(",");
    const base = { access_token: token, scope };
    if (online) {
      this.tokens.set(token, {
        token,
        scopes: this.opts.scopes,
        online: true,
        expiresAt: Date.now() + 86_400_000,
      });
      return {
        ...base,
        expires_in: 86_399,
        associated_user_scope: scope,
        associated_user: {
          id: Number(userId) || 1,
          first_name: "店長",
          last_name: "開発",
          email: "owner@tsunagu-dev.example.jp",
          account_owner: true,
          locale: "ja",
          collaborator: false,
          email_verified: true,
        },
      };
    }
    if (expiring) {
      const refresh = `shprt_${randomBytes(16).toString("hex")}`;
      this.tokens.set(token, {
        token,
        scopes: this.opts.scopes,
        online: false,
        expiresAt: Date.now() + 3_600_000,
      });
      this.refresh.set(refresh, { expiresAt: Date.now() + 90 * 86_400_000 });
      return {
        ...base,
        expires_in: 3600,
        refresh_token: refresh,
        refresh_token_expires_in: 90 * 86_400,
      };
    }
    this.tokens.set(token, {
      token,
      scopes: this.opts.scopes,
      online: false,
      expiresAt: null,
    });
    return base;
  }
}
