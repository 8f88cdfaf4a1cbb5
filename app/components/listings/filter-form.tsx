import { Form, Link, useLocation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { cefrLevels, listingKinds } from "~/domain/listings/vocabulary";
import type { ExploreFilters } from "~/domain/listings/filters";
import { dayParts, filterLanguages, flagFilters, radiusOptions, weekdays } from "~/domain/listings/filter-options";

interface FilterFormProps {
  action: string;
  filters: ExploreFilters;
  languageNames: Record<string, string>;
  activeCount: number;
  placeNotFound: boolean;
  /** Hidden fields to keep (e.g. view=map). */
  keep?: Record<string, string>;
}

/**
 * The explore filters: a plain GET form, so results are a shareable URL and everything works
 * without JavaScript. "Use my location" appears only when the browser can do it.
 */
export function FilterForm({ action, filters, languageNames, activeCount, placeNotFound, keep = {} }: FilterFormProps) {
  const { t } = useTranslation("explore");
  const formRef = useRef<HTMLFormElement>(null);
  // A language chosen in the link (?lng=ar) stays when the filters are sent.
  const lng = new URLSearchParams(useLocation().search).get("lng");
  const [canLocate, setCanLocate] = useState(false);
  const [locating, setLocating] = useState<"idle" | "busy" | "failed">("idle");
  useEffect(() => setCanLocate("geolocation" in navigator), []);

  const useMyLocation = () => {
    setLocating("busy");
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const form = formRef.current;
        if (!form) return;
        (form.elements.namedItem("lat") as HTMLInputElement).value = position.coords.latitude.toFixed(5);
        (form.elements.namedItem("lng") as HTMLInputElement).value = position.coords.longitude.toFixed(5);
        (form.elements.namedItem("near") as HTMLInputElement).value = "";
        setLocating("idle");
        form.requestSubmit();
      },
      () => setLocating("failed"),
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 600_000 },
    );
  };

  return (
    <details className="filters" open>
      <summary>
        {t("filters.title")}
        {activeCount > 0 ? <span className="filter-count">{t("filters.active", { count: activeCount })}</span> : null}
      </summary>
      <Form method="get" action={action} ref={formRef} className="filter-form" preventScrollReset>
        {lng ? <input type="hidden" name="lng" value={lng} /> : null}
        {Object.entries(keep).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <div className="field">
          <label htmlFor="filter-q">{t("filters.search")}</label>
          <input id="filter-q" type="search" name="q" defaultValue={filters.q ?? ""} maxLength={100} autoComplete="off" />
        </div>

        <fieldset className="field choice-row">
          <legend>{t("filters.kind")}</legend>
          <label>
            <input type="radio" name="kind" value="" defaultChecked={!filters.kind} /> {t("filters.allKinds")}
          </label>
          {listingKinds.map((kind) => (
            <label key={kind}>
              <input type="radio" name="kind" value={kind} defaultChecked={filters.kind === kind} />{" "}
              {t(`common:kinds.${kind}.plural`)}
            </label>
          ))}
        </fieldset>

        <LanguageSelect name="lang" label={t("filters.lang")} value={filters.lang} names={languageNames} />

        <div className="field">
          <label htmlFor="filter-level">{t("filters.level")}</label>
          <select id="filter-level" name="level" defaultValue={filters.level ?? ""} aria-describedby="filter-level-hint">
            <option value="">{t("filters.anyLevel")}</option>
            {cefrLevels.map((level) => (
              <option key={level} value={level}>
                {t(`levels.${level}.label`)}
              </option>
            ))}
          </select>
          <p id="filter-level-hint" className="hint">
            {t("filters.levelHint")}
          </p>
        </div>

        <LanguageSelect name="helper" label={t("filters.helper")} value={filters.helper} names={languageNames} />

        <fieldset className="field choice-grid">
          <legend>{t("filters.day")}</legend>
          {weekdays.map((day) => (
            <label key={day}>
              <input type="checkbox" name="day" value={day} defaultChecked={filters.day.includes(day)} />{" "}
              {t(`days.${day}`)}
            </label>
          ))}
        </fieldset>

        <fieldset className="field choice-row">
          <legend>{t("filters.time")}</legend>
          {dayParts.map((part) => (
            <label key={part}>
              <input type="checkbox" name="time" value={part} defaultChecked={filters.time.includes(part)} />{" "}
              {t(`dayParts.${part}`)}
            </label>
          ))}
        </fieldset>

        <div className="field">
          <label htmlFor="filter-near">{t("filters.near")}</label>
          <input
            id="filter-near"
            name="near"
            defaultValue={filters.near ?? ""}
            maxLength={100}
            autoComplete="postal-code"
            aria-describedby={placeNotFound ? "filter-near-error filter-near-hint" : "filter-near-hint"}
            aria-invalid={placeNotFound || undefined}
          />
          <p id="filter-near-hint" className="hint">
            {t("filters.nearHint")}
          </p>
          {placeNotFound ? (
            <p id="filter-near-error" className="field-error">
              {t("filters.placeNotFound")}
            </p>
          ) : null}
          <input type="hidden" name="lat" defaultValue={filters.lat ?? ""} />
          <input type="hidden" name="lng" defaultValue={filters.lng ?? ""} />
          {canLocate ? (
            <button type="button" className="button button-secondary" onClick={useMyLocation} disabled={locating === "busy"}>
              {locating === "busy" ? t("filters.locating") : t("filters.nearMe")}
            </button>
          ) : null}
          {locating === "failed" ? (
            <p className="field-error" role="status">
              {t("filters.locateFailed")}
            </p>
          ) : null}
        </div>

        <div className="field">
          <label htmlFor="filter-radius">{t("filters.radius")}</label>
          <select id="filter-radius" name="radius" defaultValue={String(filters.radius)}>
            {radiusOptions.map((km) => (
              <option key={km} value={km}>
                {t("filters.radiusKm", { count: km })}
              </option>
            ))}
          </select>
        </div>

        <fieldset className="field choice-grid">
          <legend>{t("filters.more")}</legend>
          {flagFilters.map((flag) => (
            <label key={flag}>
              <input type="checkbox" name={flag} value="1" defaultChecked={Boolean(filters[flag])} />{" "}
              {t(`flags.${flag}`)}
            </label>
          ))}
        </fieldset>

        <div className="form-actions">
          <button type="submit" className="button">
            {t("filters.submit")}
          </button>
          {activeCount > 0 ? (
            <Link to={keep.view ? `${action}?view=${keep.view}` : action} className="button button-secondary">
              {t("filters.clear")}
            </Link>
          ) : null}
        </div>
      </Form>
    </details>
  );
}

function LanguageSelect({ name, label, value, names }: { name: string; label: string; value?: string; names: Record<string, string> }) {
  const { t } = useTranslation("explore");
  return (
    <div className="field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ""}>
        <option value="">{t("filters.anyLanguage")}</option>
        {filterLanguages.map((code) => (
          <option key={code} value={code}>
            {names[code] ?? code}
          </option>
        ))}
      </select>
    </div>
  );
}
