import type { ReportCategory, ReportStatus } from "./vocabulary";

/**
 * What the reporter's status page shows (prepared on the server, rendered by
 * app/components/report/). Dates of the timeline are whole days (UTC); a message carries its
 * exact time when it was stored inside the ciphertext.
 */
export interface TimelineEntry {
  id: string;
  kind: "status_changed" | "content_erased";
  status: ReportStatus;
  networkName: string | null;
  /** ISO date-time of the start of the day (UTC). */
  day: string;
}

export interface MessageView {
  id: string;
  author: "reporter" | "moderator";
  body: string | null;
  /** ISO date-time: exact when `exact`, else the start of the day (UTC). */
  at: string;
  exact: boolean;
}

export interface ReportView {
  status: ReportStatus;
  category: ReportCategory;
  /** The day it was sent (UTC). */
  sentDay: string;
  contentErased: boolean;
  consentedNetworks: string[];
  timeline: TimelineEntry[];
  messages: MessageView[];
  canWrite: boolean;
}
