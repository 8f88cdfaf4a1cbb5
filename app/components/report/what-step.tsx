import { useTranslation } from "react-i18next";
import { ChoiceField, TextareaField } from "~/components/forms";
import { limits } from "~/domain/reports/report-form";
import { reportCategories } from "~/domain/reports/vocabulary";
import { textOf, useStepErrors, type StepProps } from "./wizard-parts";

export function WhatStep({ values, errors }: StepProps) {
  const { t } = useTranslation("report");
  const error = useStepErrors(errors);
  return (
    <>
      <ChoiceField
        name="category"
        label={t("what.category")}
        type="radio"
        options={reportCategories.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
        selected={[textOf(values, "category")]}
        error={error("category")}
      />
      <TextareaField
        name="description"
        label={t("what.description")}
        hint={t("what.descriptionHint")}
        error={error("description")}
        textarea={{ rows: 8, maxLength: limits.description * 2, defaultValue: textOf(values, "description") }}
      />
    </>
  );
}
