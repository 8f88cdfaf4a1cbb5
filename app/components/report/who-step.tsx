import { useTranslation } from "react-i18next";
import { ChoiceField, Field } from "~/components/forms";
import { affectedOptions, limits, targetOptions } from "~/domain/reports/report-form";
import { listOf, textOf, useStepErrors, type StepProps } from "./wizard-parts";

export function WhoStep({ values, errors }: StepProps) {
  const { t } = useTranslation("report");
  const error = useStepErrors(errors);
  return (
    <>
      <ChoiceField
        name="affected"
        label={t("who.affected")}
        type="radio"
        options={affectedOptions.map((o) => ({ value: o, label: t(`who.options.${o}`) }))}
        selected={[textOf(values, "affected")]}
        error={error("affected")}
      />
      <ChoiceField
        name="targets"
        label={t("who.targets")}
        type="checkbox"
        optional
        options={targetOptions.map((o) => ({ value: o, label: t(`targets.${o}`) }))}
        selected={listOf(values, "targets")}
        error={error("targets")}
      />
      <Field
        name="targetOther"
        label={t("who.targetOther")}
        optional
        error={error("targetOther")}
        input={{ type: "text", maxLength: limits.short * 2, defaultValue: textOf(values, "targetOther") }}
      />
    </>
  );
}
