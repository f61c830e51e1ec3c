import { describe, expect, it } from "vitest";
import { findOperations, findUntaggedOperations } from "./operations";

describe("operation discovery", () => {
  it("finds tagged operations and flags interpolation", () => {
    const text =
      "const A = `#graphql\n query A { shop { name } }`;\nconst B = `#graphql\n query B($id: ID!) { node(id: ${'$'}{id}) { id } }`;";
    const ops = findOperations("x.ts", text);
    expect(ops).toHaveLength(2);
    expect(ops[0].interpolated).toBe(false);
    expect(ops[1].interpolated).toBe(true);
  });

  it("finds operations that are not tagged", () => {
    expect(
      findUntaggedOperations(
        "x.ts",
        "const q = `query Foo { shop { name } }`;",
      ),
    ).toEqual([1]);
    expect(
      findUntaggedOperations(
        "x.ts",
        "const q = `#graphql\nquery Foo { shop { name } }`;",
      ),
    ).toEqual([]);
  });
});
