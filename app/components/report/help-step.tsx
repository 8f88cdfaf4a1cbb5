import { useTranslation } from "react-i18next";
import { ChoiceField } from "~/components/forms";
import type { NetworkChoice } from "~/domain/delivery/networks.server";
import { helpOptions } from "~/domain/reports/report-form";
import { listOf, useStepErrors, type StepProps } from "./wizard-parts";

export function HelpStep({ values, errors, networks }: StepProps & { networks: NetworkChoice[] }) {
  const { t } = useTranslation("report");
  const error = useStepErrors(errors);
  return (
    <>
      <ChoiceField
        name="help"
        label={t("help.legend")}
        type="checkbox"
        options={helpOptions.map((o) => ({ value: o, label: t(`help.options.${o}`) }))}
        selected={listOf(values, "help")}
        error={error("help")}
      />
      <ChoiceField
        name="networks"
        label={t("help.networks")}
        hint={t("help.networksHint")}
        optional
        type="checkbox"
        options={networks.map((network) => ({
          value: network.id,
          label: <strong>{t("help.consent", { name: network.name })}</strong>,
          description: `${network.description} ${t("help.area", { area: network.areaName })}`,
        }))}
        selected={listOf(values, "networks")}
        error={error("networks")}
      >
        {networks.length === 0 ? <p>{t("help.noNetworks")}</p> : null}
      </ChoiceField>
    </>
  );
}
