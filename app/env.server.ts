import { z } from "zod";

/**
 * The app's environment, validated once at start-up. A bad value stops the process with a
 * message naming the variable, instead of failing later in a request.
 */
const schema = z
  .object({
    NODE_ENV: z
      .enum(["development", "test", "production"])
      .default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    SHOPIFY_API_KEY: z.string().min(1, "is required"),
    SHOPIFY_API_SECRET: z.string().min(1, "is required"),
    SHOPIFY_APP_URL: z.string().url("must be the app's public https URL"),
    // Optional; when set, keep it equal to shopify.app.toml's access_scopes, which Shopify installs with.
    SCOPES: z.string().optional(),
    DATABASE_URL: z
      .string()
      .regex(
        /^(file:|postgres(ql)?:\/\/)/,
        "must start with file: (SQLite) or postgresql://",
      )
      .default("file:./prisma/dev.sqlite"),
    SHOP_CUSTOM_DOMAIN: z.string().optional(),
    // How many proxies of the app's own append to X-Forwarded-For (proxy/rate-limit.ts clientIp).
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).optional(),
    // The local dev store (dev-store/). Only honoured outside production.
    DEV_STORE_URL: z.string().url().optional(),
    // Where the worker runs: "inline" starts it inside the web process (demo, single dyno);
    // "off" leaves it to `npm run worker`.
    JOBS_WORKER: z.enum(["inline", "off"]).default("off"),
    // Processes `npm run worker` runs (default: one per CPU core, at most 4).
    JOBS_PROCESSES: z.coerce.number().int().min(1).max(16).optional(),
    // Follow-up email for shops that have not set up their own SMTP server (the demo's local one).
    FOLLOWUP_SMTP_URL: z
      .string()
      .regex(
        /^smtps?:\/\/[^\s]+$/,
        "must be smtp://host:port or smtps://user:pass@host:port",
      )
      .optional(),
    // The sender of every message through FOLLOWUP_SMTP_URL (the shop's address is Reply-To).
    FOLLOWUP_EMAIL_FROM: z.string().email().optional(),
    // The demo's clock switch: delays run this many times faster (1 = real time).
    FOLLOWUP_TIME_SCALE: z.coerce.number().min(1).max(10_000_000).default(1),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && env.FOLLOWUP_TIME_SCALE !== 1) {
      ctx.addIssue({
        code: "custom",
        path: ["FOLLOWUP_TIME_SCALE"],
        message: "must be 1 in production",
      });
    }
    if (env.NODE_ENV === "production" && env.DEV_STORE_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["DEV_STORE_URL"],
        message: "must not be set in production",
      });
    }
  });

export type Env = z.infer<typeof schema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map(
      (i) => `  ${i.path.join(".")}: ${i.message}`,
    );
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
