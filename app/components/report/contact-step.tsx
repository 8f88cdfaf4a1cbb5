import { useTranslation } from "react-i18next";
import { CheckboxField, ChoiceField, Field } from "~/components/forms";
import { contactMethods, limits } from "~/domain/reports/report-form";
import { textOf, useStepErrors, type StepProps } from "./wizard-parts";

export function ContactStep({ values, errors }: StepProps) {
  const { t } = useTranslation("report");
  const error = useStepErrors(errors);
  const text = (name: string) => textOf(values, name);
  return (
    <>
      <p>{t("contact.intro")}</p>
      <ChoiceField
        name="contactMethod"
        label={t("contact.method")}
        type="radio"
        options={contactMethods.map((o) => ({ value: o, label: t(`contact.methods.${o}`) }))}
        selected={[Object.keys(values).length === 0 ? "none" : text("contactMethod")]}
        error={error("contactMethod")}
      />
      <Field
        name="email"
        label={t("contact.email")}
        optional
        error={error("email")}
        input={{ type: "email", autoComplete: "email", maxLength: limits.email * 2, defaultValue: text("email") }}
      />
      <Field
        name="phone"
        label={t("contact.phone")}
        optional
        error={error("phone")}
        input={{ type: "tel", dir: "ltr", autoComplete: "tel", maxLength: limits.phone * 2, defaultValue: text("phone") }}
      />
      <Field
        name="contactLanguage"
        label={t("contact.language")}
        optional
        error={error("contactLanguage")}
        input={{ type: "text", maxLength: limits.short * 2, defaultValue: text("contactLanguage") }}
      />
      <Field
        name="contactTimes"
        label={t("contact.times")}
        optional
        error={error("contactTimes")}
        input={{ type: "text", maxLength: limits.short * 2, defaultValue: text("contactTimes") }}
      />
      <CheckboxField name="voicemail" label={t("contact.voicemail")} defaultChecked={text("voicemail") === "on"} />
    </>
  );
}
