import type { InitialView } from "~/domain/listings/views";

export interface MapViewProps {
  /** The explore filters as a query string (without view/page). */
  search: string;
  styleUrl: string;
  initialView: InitialView;
  highlighted: string | null;
  onHighlight: (id: string | null) => void;
}
