import { describe, expect, it } from "vitest";
import {
  emailResponseKey,
  previewAskUrl,
  readAskToken,
  scoreLinks,
  signLink,
  verifyLink,
  type LinkClaims,
} from "./email-link";

const SECRET = "shpss_test_secret";
const claims: LinkClaims = {
  shop: "tea.myshopify.com",
  survey: "csurvey0001",
  customer: "42",
  order: "1001",
  score: 9,
  locale: "ja",
  exp: 2_000_000_000,
};
const now = 1_900_000_000_000;

describe("email score links", () => {
  it("round-trip and stay short enough for an email", () => {
    const token = signLink(claims, SECRET);
    expect(verifyLink(token, SECRET, now)).toEqual({ ok: true, claims });
    expect(token.length).toBeLessThan(200);
  });

  it("cannot be forged: another secret, a changed score or a swapped signature fail", () => {
    const token = signLink(claims, SECRET);
    expect(verifyLink(token, "another-secret", now)).toEqual({
      ok: false,
      error: "forged",
    });
    const [body, sig] = token.split(".");
    const tampered = Buffer.from(
      JSON.stringify([
        "tea.myshopify.com",
        "csurvey0001",
        "42",
        "1001",
        0,
        "ja",
        2_000_000_000,
      ]),
    ).toString("base64url");
    expect(verifyLink(`${tampered}.${sig}`, SECRET, now)).toEqual({
      ok: false,
      error: "forged",
    });
    const other = signLink({ ...claims, customer: "43" }, SECRET).split(".")[1];
    expect(verifyLink(`${body}.${other}`, SECRET, now)).toEqual({
      ok: false,
      error: "forged",
    });
  });

  it("expire, and reject garbage", () => {
    expect(
      verifyLink(
        signLink({ ...claims, exp: 1_800_000_000 }, SECRET),
        SECRET,
        now,
      ),
    ).toEqual({ ok: false, error: "expired", locale: "ja" });
    for (const bad of ["", "abc", "a.b", "x".repeat(2000), "<script>.x"])
      expect(verifyLink(bad, SECRET, now)).toMatchObject({
        ok: false,
        error: "malformed",
      });
  });

  it("give one link per score and one answer key per recipient", () => {
    const links = scoreLinks({
      appUrl: "https://app.example/",
      secret: SECRET,
      shop: claims.shop,
      survey: claims.survey,
      kind: "nps",
      customer: "42",
      order: null,
      locale: "en",
      now,
    });
    expect(links.map((l) => l.score)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
    expect(links[3].url).toMatch(
      /^https:\/\/app\.example\/survey\/[\w-]+\.[\w-]{43}$/,
    );
    const verified = verifyLink(links[3].url.split("/").pop()!, SECRET, now);
    expect(verified).toMatchObject({
      ok: true,
      claims: { score: 3, customer: "42", order: null, locale: "en" },
    });
    expect(emailResponseKey({ survey: "s1", customer: "42", order: "7" })).toBe(
      "order:s1:7",
    );
    expect(
      emailResponseKey({ survey: "s1", customer: "42", order: null }),
    ).toBe("email:s1:c42");
  });
});

describe("a follow-up preview's survey link", () => {
  const url = previewAskUrl({
    appUrl: "https://app.example/",
    secret: SECRET,
    shop: claims.shop,
    survey: claims.survey,
    locale: "en",
    now,
  });
  const token = url.split("/").pop()!;

  it("has the address of the page a customer's link opens", () => {
    expect(url).toMatch(
      /^https:\/\/app\.example\/survey\/ask\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/,
    );
    expect(readAskToken(token, SECRET, now)).toEqual({
      ok: true,
      preview: true,
      claims: { shop: claims.shop, survey: claims.survey, locale: "en" },
    });
  });

  it("can never record an answer: no score link accepts it, and a customer's stays a customer's", () => {
    expect(verifyLink(token, SECRET, now)).toEqual({
      ok: false,
      error: "forged",
    });
    expect(readAskToken(signLink(claims, SECRET), SECRET, now)).toEqual({
      ok: true,
      preview: false,
      claims,
    });
  });

  it("expires, and another secret's is refused", () => {
    expect(readAskToken(token, SECRET, now + 31 * 86_400_000)).toEqual({
      ok: false,
      error: "expired",
      locale: "en",
    });
    expect(readAskToken(token, "other", now)).toMatchObject({ ok: false });
  });
});
