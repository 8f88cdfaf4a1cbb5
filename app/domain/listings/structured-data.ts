import type { Listing } from "~db/schema/listings";
import type { Occurrence } from "./schedule";

/**
 * schema.org JSON-LD for a listing: a LocalBusiness for welcoming businesses, an Event for a
 * one-off, an EventSeries (with its next sub-events) for recurring clubs and events.
 */
export function listingJsonLd(listing: Listing, upcoming: Occurrence[], url: string, recurring: boolean) {
  const place = {
    "@type": "Place",
    name: listing.venue || listing.title,
    address: listing.address
      ? { "@type": "PostalAddress", streetAddress: listing.address, addressLocality: listing.city, addressCountry: "NL" }
      : undefined,
    geo: { "@type": "GeoCoordinates", latitude: listing.lat, longitude: listing.lng },
  };
  if (listing.kind === "business") {
    return {
      "@context": "https://schema.org",
      "@type": "LocalBusiness",
      name: listing.title,
      description: listing.summary,
      url,
      address: place.address,
      geo: place.geo,
      openingHoursSpecification: listing.openingHours.map((slot) => ({
        "@type": "OpeningHoursSpecification",
        dayOfWeek: `https://schema.org/${["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][slot.day]}`,
        opens: slot.opens,
        closes: slot.closes,
      })),
    };
  }
  const offers = {
    "@type": "Offer",
    price: (listing.costCents / 100).toFixed(2),
    priceCurrency: "EUR",
    availability: "https://schema.org/InStock",
    url,
  };
  const event = (occurrence: Occurrence) => ({
    "@type": "Event",
    name: listing.title,
    startDate: occurrence.start.toISOString(),
    endDate: occurrence.end.toISOString(),
    eventStatus: occurrence.cancelled ? "https://schema.org/EventCancelled" : "https://schema.org/EventScheduled",
    eventAttendanceMode:
      listing.clubFormat === "online"
        ? "https://schema.org/OnlineEventAttendanceMode"
        : "https://schema.org/OfflineEventAttendanceMode",
    location: place,
    isAccessibleForFree: listing.costCents === 0,
    offers,
    inLanguage: listing.practiceLanguages[0] ?? listing.descriptionLang,
  });
  if (!recurring && upcoming[0]) {
    return { "@context": "https://schema.org", ...event(upcoming[0]), description: listing.summary, url };
  }
  return {
    "@context": "https://schema.org",
    "@type": "EventSeries",
    name: listing.title,
    description: listing.summary,
    url,
    location: place,
    isAccessibleForFree: listing.costCents === 0,
    subEvent: upcoming.slice(0, 4).map(event),
  };
}
