import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { CheckboxField, ChoiceField, Field, FieldError, OptionalMarker } from "~/components/forms";
import { PinPicker, type Pin } from "~/components/map/pin-picker.client";
import { limits } from "~/domain/reports/report-form";
import { reportPlaceKinds } from "~/domain/reports/vocabulary";
import { textOf, useStepErrors, type StepProps } from "./wizard-parts";

function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

export function WhereStep({ values, errors }: StepProps) {
  const { t } = useTranslation("report");
  const error = useStepErrors(errors);
  const hydrated = useHydrated();
  const initialLat = textOf(values, "lat");
  const initialLng = textOf(values, "lng");
  const [pin, setPin] = useState<Pin | null>(
    initialLat && initialLng && Number.isFinite(Number(initialLat)) ? { lat: Number(initialLat), lng: Number(initialLng) } : null,
  );
  return (
    <>
      <fieldset className="choices">
        <legend>{t("where.when")}</legend>
        <Field name="date" label={t("where.date")} error={error("date")} input={{ type: "date", defaultValue: textOf(values, "date") }} />
        <Field name="time" label={t("where.time")} optional error={error("time")} input={{ type: "time", defaultValue: textOf(values, "time") }} />
        <CheckboxField name="ongoing" label={t("where.ongoing")} defaultChecked={textOf(values, "ongoing") === "on"} />
      </fieldset>
      <ChoiceField
        name="placeKind"
        label={t("where.placeKind")}
        type="radio"
        options={reportPlaceKinds.map((k) => ({ value: k, label: t(`placeKinds.${k}`) }))}
        selected={[textOf(values, "placeKind")]}
        error={error("placeKind")}
      />
      <Field
        name="place"
        label={t("where.place")}
        hint={t("where.placeHint")}
        error={error("place")}
        input={{ type: "text", maxLength: limits.place * 2, defaultValue: textOf(values, "place") }}
      />
      <input type="hidden" name="lat" value={pin ? pin.lat.toFixed(6) : ""} />
      <input type="hidden" name="lng" value={pin ? pin.lng.toFixed(6) : ""} />
      <FieldError id="lat" error={error("lat")} />
      <section className="field" aria-labelledby="pin-title">
        <h2 id="pin-title" className="field-title">
          {t("where.pinTitle")} <OptionalMarker />
        </h2>
        <p className="field-hint">{t("where.pinPrivacy")}</p>
        {hydrated ? <PinPicker value={pin} onChange={setPin} /> : <p className="field-hint">{t("where.pinNoScript")}</p>}
      </section>
    </>
  );
}
