import type { ReportStatus } from "./vocabulary";

/**
 * The one place that knows how a report's status may change. Everything that changes a status
 * goes through canTransition (and the command in status.server.ts writes a history row).
 *
 *   received → in_review → forwarded ⇄ acknowledged → closed
 *   any open status → closed (by moderators) or withdrawn (by the reporter)
 *   received or in_review → spam or duplicate (by moderators only, before anything was forwarded)
 * closed, withdrawn, spam and duplicate are final.
 */
const transitions: Record<ReportStatus, readonly ReportStatus[]> = {
  received: ["in_review", "closed", "withdrawn", "spam", "duplicate"],
  in_review: ["forwarded", "closed", "withdrawn", "spam", "duplicate"],
  forwarded: ["forwarded", "acknowledged", "closed", "withdrawn"],
  acknowledged: ["forwarded", "acknowledged", "closed", "withdrawn"],
  closed: [],
  withdrawn: [],
  spam: [],
  duplicate: [],
};

/** Only a person who read the report may call it spam or a duplicate; never the system. */
const moderatorOnly: readonly ReportStatus[] = ["spam", "duplicate"];

export type StatusActor = "reporter" | "moderator" | "system";

export function canTransition(from: ReportStatus, to: ReportStatus, actor: StatusActor): boolean {
  if (!transitions[from].includes(to)) return false;
  // The reporter can only withdraw; everything else is for moderators (or the system).
  if (actor === "reporter") return to === "withdrawn";
  if (moderatorOnly.includes(to)) return actor === "moderator";
  return to !== "withdrawn";
}

export function nextStatuses(from: ReportStatus): readonly ReportStatus[] {
  return transitions[from];
}

/** Forwarding and acknowledging name a support network. */
export function needsNetwork(to: ReportStatus): boolean {
  return to === "forwarded" || to === "acknowledged";
}

export function isFinal(status: ReportStatus): boolean {
  return transitions[status].length === 0;
}

export class StatusTransitionError extends Error {
  override name = "StatusTransitionError";
  constructor(
    public readonly from: ReportStatus,
    public readonly to: ReportStatus,
  ) {
    super(`a report cannot go from ${from} to ${to}`);
  }
}
