import { resolvePlace } from "~/domain/geo/geocode.server";
import { accountFieldErrors } from "~/domain/auth/account-form";
import type { Database } from "~/utils/db.server";
import { ListingFormSchema, listFields, listingFormInput, type ListingForm } from "./listing-form";

/**
 * Reads a posted listing form: what was typed (to show again on an error) and, when it is
 * valid, the parsed form. Without a pin, the address or postcode is looked up on the server
 * (the built-in gazetteer, then GEOCODER), so the form works without JavaScript and a map.
 */
export async function readListingForm(
  db: Database,
  form: FormData,
  kind: string,
): Promise<{ values: Record<string, string | string[]>; parsed: ListingForm | null; errors: Record<string, string> }> {
  const read = (name: string, max: number) => {
    const value = form.get(name);
    return typeof value === "string" ? value.slice(0, max) : "";
  };
  const readAll = (name: string) => form.getAll(name).filter((value): value is string => typeof value === "string").map((value) => value.slice(0, 20));
  const input: Record<string, unknown> = { ...listingFormInput(read, readAll), kind };
  const values: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(input)) {
    values[name] = typeof value === "boolean" ? (value ? "yes" : "") : (value as string | string[]);
  }
  for (const name of listFields) values[name] = input[name] as string[];
  if (!input.lat && !input.lng) {
    const where = [input.postcode, input.address].map((value) => String(value ?? "").trim()).filter(Boolean);
    for (const query of where) {
      const place = await resolvePlace(db, query);
      if (place) {
        values.lat = input.lat = String(place.lat);
        values.lng = input.lng = String(place.lng);
        break;
      }
    }
  }
  const parsed = ListingFormSchema.safeParse(input);
  if (!parsed.success) return { values, parsed: null, errors: accountFieldErrors(parsed.error) };
  return { values, parsed: parsed.data, errors: {} };
}
