import { afterEach, beforeEach, vi } from "vitest";

// House rule: an unexpected console.error fails the test. A test that expects one spies on
// console.error itself (vi.spyOn(console, "error").mockImplementation(...)) before it happens.
let errorSpy: ReturnType<typeof vi.spyOn> | undefined;

beforeEach(() => {
  errorSpy = vi
    .spyOn(console, "error")
    .mockImplementation((...args: unknown[]) => {
      throw new Error(
        `Unexpected console.error: ${args.map(String).join(" ")}`,
      );
    });
});

afterEach(() => {
  errorSpy?.mockRestore();
});
