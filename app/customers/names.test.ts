import { describe, expect, it } from "vitest";
import { fullName } from "./names";

describe("fullName", () => {
  it("writes a Japanese name family name first, others given name first", () => {
    expect(fullName("花子", "山田")).toBe("山田 花子");
    expect(fullName("ハナコ", "ヤマダ")).toBe("ヤマダ ハナコ");
    expect(fullName("Hanako", "Yamada")).toBe("Hanako Yamada");
  });

  it("keeps whichever part exists", () => {
    expect(fullName(null, "山田")).toBe("山田");
    expect(fullName(" 花子 ", undefined)).toBe("花子");
    expect(fullName("", "  ")).toBe("");
  });
});
