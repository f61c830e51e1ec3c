import { describe, expect, it } from "vitest";
import { translator } from "../i18n/i18n";
import { describeChannelSettingsError } from "./channel-settings";
import { validateChannelSettings } from "./channel-settings.server";

describe("channel settings errors", () => {
  const blank = {
    smtpHost: "",
    smtpPort: "",
    smtpUser: "",
    smtpPass: "",
    smtpSecure: "off",
    emailFrom: "",
    lineToken: "",
    twilioSid: "",
    twilioToken: "",
    twilioFrom: "",
    quietStart: "21",
    quietEnd: "9",
  };
  const ja = translator("ja");
  const en = translator("en");
  const check = (form: Partial<typeof blank>, allowPrivateHosts = true) => {
    const r = validateChannelSettings(
      { ...blank, ...form },
      { allowPrivateHosts },
    );
    return r.ok ? null : r.errors;
  };

  it("saves a blank form and a complete one", () => {
    expect(check({})).toBeNull();
    expect(
      check({
        smtpHost: "smtp.example.com",
        smtpPort: "587",
        emailFrom: "shop@example.com",
        twilioSid: `AC${"0a".repeat(16)}`,
        twilioFrom: "+819012345678",
      }),
    ).toBeNull();
  });

  it("says what is wrong with each field, never just 'check this value'", () => {
    const errors = check({
      smtpHost: "https://smtp.example.com",
      smtpPort: "70000",
      emailFrom: "shop@",
      twilioSid: "SK123",
      twilioFrom: "090-1234-5678",
      quietStart: "25",
      quietEnd: "9.5",
    })!;
    expect(
      Object.fromEntries(
        Object.entries(errors).map(([f, code]) => [
          f,
          describeChannelSettingsError(en, code),
        ]),
      ),
    ).toEqual({
      smtpHost:
        "Enter the server's name only, such as smtp.example.com, without https:// or a port.",
      smtpPort:
        "Enter a port from 1 to 65535 (usually 587, or 465 with TLS from the start).",
      emailFrom:
        "Enter the sender as a full email address, such as shop@example.com.",
      twilioSid:
        "An Account SID is AC followed by 32 letters and digits (0–9, a–f). Copy it from your Twilio console.",
      twilioFrom:
        "Enter the number in international format: + and the country code, then the number, without spaces or hyphens.",
      quietStart: "Enter a whole hour from 0 to 23.",
      quietEnd: "Enter a whole hour from 0 to 23.",
    });
    expect(describeChannelSettingsError(ja, errors.twilioFrom)).toBe(
      "+ と国番号から始まる国際形式で、スペースやハイフンを入れずに入力してください(例: +819012345678)。",
    );
  });

  // The form leaves these checks to the server (no browser bubbles in the browser's language).
  it("refuses hours and ports typed as anything but whole numbers, an empty hour included", () => {
    expect(
      check({
        smtpHost: "smtp.example.com",
        smtpPort: "abc",
        quietStart: "",
        quietEnd: "nine",
      }),
    ).toEqual({ smtpPort: "smtpPort", quietStart: "hour", quietEnd: "hour" });
    expect(check({ smtpHost: "smtp.example.com", smtpPort: "1e3" })).toEqual({
      smtpPort: "smtpPort",
    });
    expect(check({ quietStart: " 7 ", quietEnd: "23" })).toBeNull();
  });

  it("asks for the port a server needs, and refuses a host inside the app's network", () => {
    const noPort = check({ smtpHost: "smtp.example.com" })!;
    expect(describeChannelSettingsError(ja, noPort.smtpPort)).toBe(
      "SMTPサーバーのポート番号を入力してください(通常は587、最初からTLSを使うなら465)。",
    );
    expect(check({ smtpHost: "localhost", smtpPort: "25" }, false)).toEqual({
      smtpHost: "private",
    });
    expect(describeChannelSettingsError(en, "private")).toMatch(
      /^Addresses inside the app's own network can't be used/,
    );
  });
});
