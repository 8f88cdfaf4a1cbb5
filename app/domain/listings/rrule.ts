import * as rruleModule from "rrule";

// rrule ships CommonJS to Node without named ESM exports: in Node (and tsx) its classes sit
// under `default`; in bundlers they are named exports. This works in both.
const resolved =
  (rruleModule as unknown as { default?: typeof rruleModule }).default ?? rruleModule;

export const RRule = resolved.RRule;
export type RRule = InstanceType<typeof resolved.RRule>;
