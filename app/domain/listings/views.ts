// What the listing pages show, as plain data the server prepares and components render.
import type { ListingCardRow } from "./search.server";

/** A result as the card shows it: formatted on the server in the viewer's language. */
export type ListingCardView = Omit<ListingCardRow, "lat" | "lng" | "timezone" | "practiceLanguages"> & {
  costLabel: string;
  nextLabel: string | null;
  distanceLabel: string | null;
};

/** Where a map opens: centre and zoom, or bounds to fit. */
export interface InitialView {
  center: [number, number];
  zoom: number;
  bounds?: [number, number, number, number];
}
