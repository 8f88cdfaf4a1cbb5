import { Outlet } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/errors/general-error-boundary";
import { QuickExit } from "~/components/report/quick-exit";
import { PhoneIcon } from "~/components/ui/icons";

export const handle = { i18n: ["common", "report"] };

/** Every report page, error pages included: the 112 banner and the quick exit, then the page. */
function ReportChrome({ children }: { children: ReactNode }) {
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
      {children}
    </div>
  );
}

export default function ReportLayout() {
  return (
    <ReportChrome>
      <Outlet />
    </ReportChrome>
  );
}

/** Something went wrong on a report page: the calm error, with the way out and 112 still there. */
export function ErrorBoundary() {
  return (
    <ReportChrome>
      <GeneralErrorBoundary />
    </ReportChrome>
  );
}
