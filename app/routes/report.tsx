import { Outlet } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { QuickExit } from "~/components/report/quick-exit";
import { PhoneIcon } from "~/components/ui/icons";

export const handle = { i18n: ["common", "report"] };

/** Every report page: the quick exit and the 112 banner, then the page. */
export default function ReportLayout() {
  const { t } = useTranslation("report");
  return (
    <div className="report-layout">
      <div className="report-topbar">
        <div className="danger-banner">
          <PhoneIcon />
          <p>
            <strong>{t("danger.title")}</strong> {t("danger.text")}{" "}
            <a href="tel:112" dir="ltr">
              112
            </a>
          </p>
        </div>
        <QuickExit />
      </div>
      <Outlet />
    </div>
  );
}
