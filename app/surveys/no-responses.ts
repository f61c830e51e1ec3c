/**
 * What a merchant whose surveys have no answers yet can do about it: switch a survey on, and
 * put each place an active survey asks (theme block, thank-you page, follow-up email) in front
 * of customers. Shown instead of empty charts and tables.
 */
export const PLACEMENT_STEPS = ["block", "thankyou", "email"] as const;
export type NoResponseStep = "inactive" | (typeof PLACEMENT_STEPS)[number];

export function noResponseSteps(
  surveys: readonly { active: boolean; placements: readonly string[] }[],
): NoResponseStep[] {
  const active = surveys.filter((s) => s.active);
  // With nothing switched on, that comes first; where the stopped ones would ask follows.
  const asking = active.length ? active : surveys;
  const placed = new Set(asking.flatMap((s) => s.placements));
  return [
    ...(active.length ? [] : (["inactive"] as const)),
    ...PLACEMENT_STEPS.filter((p) => placed.has(p)),
  ];
}
