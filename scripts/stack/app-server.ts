/**
 * Serves the built app outside production (demo, e2e) — remix-serve insists on Remix's dev
 * server whenever NODE_ENV is not "production", and the dev store seam must stay off in
 * production. Same request handler and static assets as `npm start`.
 */
import express from "express";
import { createRequestHandler } from "@remix-run/express";
import path from "node:path";
import { pathToFileURL } from "node:url";

const buildPath = path.resolve("build/server/index.js");
const build = await import(pathToFileURL(buildPath).href);
const app = express();
app.disable("x-powered-by");
app.use(
  "/assets",
  express.static("build/client/assets", { immutable: true, maxAge: "1y" }),
);
app.use(express.static("build/client", { maxAge: "1h" }));
app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV }));
const port = Number(process.env.PORT ?? 3000);
app.listen(port, "127.0.0.1", () =>
  console.log(`app listening on http://127.0.0.1:${port}`),
);
