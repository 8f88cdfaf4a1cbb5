import { Form, Link } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, CheckboxField, ChoiceField, Field, TextareaField } from "~/components/forms";
import { PinPicker, type Pin } from "~/components/map/pin-picker.client";
import { filterLanguages, weekdays } from "~/domain/listings/filter-options";
import { businessCategories, cefrLevels, clubFormats, type ListingKind } from "~/domain/listings/vocabulary";
import { listingFormLimits as limits, monthWeeks, repeatChoices } from "~/domain/organise/listing-form";

/** What the form shows: the values (as posted) and the field errors (translation keys). */
export interface ListingFormState {
  values: Record<string, string | string[]>;
  errors: Record<string, string>;
}

function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

/**
 * The organiser's form for every kind of listing: one page, plain HTML first (it works without
 * JavaScript: the kind is chosen by link, the pin by coordinates), with the map pin picker when
 * JavaScript runs. Whatever was typed comes back on an error.
 */
export function ListingFormFields({
  state,
  languageNames,
  submitLabel,
  note,
}: {
  state: ListingFormState;
  languageNames: Record<string, string>;
  submitLabel: string;
  note: string;
}) {
  const { t } = useTranslation("organise");
  const { t: te } = useTranslation("explore");
  const { t: tl } = useTranslation("listing");
  const hydrated = useHydrated();
  const { values, errors } = state;
  const one = (name: string) => {
    const value = values[name];
    return typeof value === "string" ? value : "";
  };
  const all = (name: string) => {
    const value = values[name];
    return Array.isArray(value) ? value : value ? [value] : [];
  };
  const error = (name: string) => (errors[name] ? t(errors[name]!) : undefined);
  const kind = (one("kind") || "club") as ListingKind;
  const [pin, setPin] = useState<Pin | null>(() => {
    const lat = Number(one("lat"));
    const lng = Number(one("lng"));
    return one("lat") && one("lng") && Number.isFinite(lat) && Number.isFinite(lng) ? { lat, lng } : null;
  });
  const [latText, setLatText] = useState(one("lat"));
  const [lngText, setLngText] = useState(one("lng"));
  const movePin = (next: Pin | null) => {
    setPin(next);
    setLatText(next ? next.lat.toFixed(6) : "");
    setLngText(next ? next.lng.toFixed(6) : "");
  };
  const typed = (which: "lat" | "lng", text: string) => {
    const lat = Number(which === "lat" ? text : latText);
    const lng = Number(which === "lng" ? text : lngText);
    if (which === "lat") setLatText(text);
    else setLngText(text);
    setPin(Number.isFinite(lat) && Number.isFinite(lng) && (which === "lat" ? text : latText) && (which === "lng" ? text : lngText) ? { lat, lng } : null);
  };
  const text = (name: keyof typeof limits, label: string, options: { hint?: string; optional?: boolean; type?: string } = {}) => (
    <Field
      name={name}
      label={label}
      hint={options.hint}
      optional={options.optional}
      error={error(name)}
      input={{ type: options.type ?? "text", maxLength: limits[name] as number, defaultValue: one(name) }}
    />
  );

  return (
    <>
      <ErrorSummary errors={errors} translate={(key) => t(key)} />
      <Form method="post" className="listing-form" noValidate>
        <input type="hidden" name="kind" value={kind} />
        <fieldset>
          <legend>{t("form.about")}</legend>
          {text("title", t("form.title"), { hint: t("form.titleHint") })}
          {text("summary", t("form.summary"), { hint: t("form.summaryHint") })}
          <TextareaField name="description" label={t("form.description")} optional error={error("description")} textarea={{ rows: 5, maxLength: limits.description, defaultValue: one("description") }} />
          <TextareaField name="firstVisit" label={t("form.firstVisit")} hint={t("form.firstVisitHint")} optional error={error("firstVisit")} textarea={{ rows: 3, maxLength: limits.firstVisit, defaultValue: one("firstVisit") }} />
          {kind === "club" ? (
            <ChoiceField name="clubFormat" label={t("form.clubFormat")} type="radio" options={clubFormats.map((value) => ({ value, label: tl(`formats.${value}`) }))} selected={[one("clubFormat") || "cafe"]} error={error("clubFormat")} />
          ) : null}
          {kind === "business" ? (
            <ChoiceField name="businessCategory" label={t("form.businessCategory")} type="radio" options={businessCategories.map((value) => ({ value, label: tl(`categories.${value}`) }))} selected={[one("businessCategory") || "shop"]} error={error("businessCategory")} />
          ) : null}
          <ChoiceField
            name="practiceLanguages"
            label={t("form.languages")}
            optional={kind !== "club"}
            type="checkbox"
            options={filterLanguages.map((value) => ({ value, label: languageNames[value] ?? value }))}
            selected={all("practiceLanguages")}
            error={error("practiceLanguages")}
          />
          <ChoiceField name="levels" label={t("form.levels")} hint={t("form.levelsHint")} optional type="checkbox" options={cefrLevels.map((value) => ({ value, label: te(`levels.${value}.label`) }))} selected={all("levels")} error={error("levels")} />
        </fieldset>

        <fieldset>
          <legend>{t("form.where")}</legend>
          {text("venue", t("form.venue"), { optional: true })}
          {text("address", t("form.address"), { hint: t("form.addressHint"), optional: true })}
          {text("postcode", t("form.postcode"), { optional: true })}
          <section className="field" aria-labelledby="pin-title">
            <h2 id="pin-title" className="field-title">
              {t("form.pin")}
            </h2>
            <p className="field-hint">{hydrated ? t("form.pinHint") : t("form.pinNoScript")}</p>
            {hydrated ? <PinPicker value={pin} onChange={movePin} /> : null}
            <div className="field-row">
              <Field name="lat" label={t("form.lat")} error={error("lat")} input={{ type: "text", inputMode: "decimal", dir: "ltr", maxLength: 20, value: latText, onChange: (event) => typed("lat", event.currentTarget.value) }} />
              <Field name="lng" label={t("form.lng")} error={error("lng")} input={{ type: "text", inputMode: "decimal", dir: "ltr", maxLength: 20, value: lngText, onChange: (event) => typed("lng", event.currentTarget.value) }} />
            </div>
          </section>
        </fieldset>

        <fieldset>
          <legend>{t("form.when")}</legend>
          {kind === "business" ? (
            <>
              <ChoiceField name="openDays" label={t("form.openDays")} type="checkbox" options={weekdays.map((value) => ({ value, label: te(`days.${value}`) }))} selected={all("openDays")} error={error("openDays")} />
              <div className="field-row">
                <Field name="startTime" label={t("form.opens")} error={error("startTime")} input={{ type: "time", defaultValue: one("startTime") }} />
                <Field name="endTime" label={t("form.closes")} error={error("endTime")} input={{ type: "time", defaultValue: one("endTime") }} />
              </div>
            </>
          ) : (
            <>
              <ChoiceField name="repeat" label={t("form.repeat")} type="radio" options={repeatChoices.map((value) => ({ value, label: t(`form.repeatChoices.${value}`) }))} selected={[one("repeat") || (kind === "club" ? "weekly" : "once")]} error={error("repeat")} />
              <Field name="startDate" label={t("form.startDate")} hint={t("form.startDateHint")} error={error("startDate")} input={{ type: "date", defaultValue: one("startDate") }} />
              <div className="field">
                <label htmlFor="weekday">{t("form.weekday")}</label>
                <p className="field-hint" id="weekday-hint">
                  {t("form.weekdayHint")}
                </p>
                <select id="weekday" name="weekday" defaultValue={one("weekday")} aria-describedby="weekday-hint">
                  <option value="">—</option>
                  {weekdays.map((value) => (
                    <option key={value} value={value}>
                      {te(`days.${value}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="monthWeek">{t("form.monthWeek")}</label>
                <select id="monthWeek" name="monthWeek" defaultValue={one("monthWeek") || "1"}>
                  {monthWeeks.map((value) => (
                    <option key={value} value={value}>
                      {t(`form.monthWeeks.${value}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field-row">
                <Field name="startTime" label={t("form.startTime")} error={error("startTime")} input={{ type: "time", defaultValue: one("startTime") }} />
                <Field name="endTime" label={t("form.endTime")} error={error("endTime")} input={{ type: "time", defaultValue: one("endTime") }} />
              </div>
              <Field name="untilDate" label={t("form.untilDate")} hint={t("form.untilDateHint")} optional error={error("untilDate")} input={{ type: "date", defaultValue: one("untilDate") }} />
            </>
          )}
        </fieldset>

        <fieldset>
          <legend>{t("form.practical")}</legend>
          {kind !== "business" ? (
            <Field name="capacity" label={t("form.capacity")} hint={t("form.capacityHint")} optional error={error("capacity")} input={{ type: "number", min: 1, max: limits.capacity, inputMode: "numeric", defaultValue: one("capacity") }} />
          ) : null}
          {kind === "club" ? <CheckboxField name="dropIn" value="yes" label={t("form.dropIn")} defaultChecked={one("dropIn") === "yes"} /> : null}
          <CheckboxField name="womenOnly" value="yes" label={t("form.womenOnly")} defaultChecked={one("womenOnly") === "yes"} />
          <CheckboxField name="childcare" value="yes" label={t("form.childcare")} defaultChecked={one("childcare") === "yes"} />
          <CheckboxField name="stepFree" value="yes" label={t("form.stepFree")} defaultChecked={one("stepFree") === "yes"} />
          {text("contactEmail", t("form.contactEmail"), { optional: true, type: "email" })}
          {text("website", t("form.website"), { optional: true, type: "url" })}
        </fieldset>

        <p className="field-hint">{note}</p>
        <div className="form-actions">
          <button type="submit" className="button">
            {submitLabel}
          </button>
          <Link to="/organise">{t("form.cancel")}</Link>
        </div>
      </Form>
    </>
  );
}
