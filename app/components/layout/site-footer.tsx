import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="site-footer-inner">
        <p className="emergency-line">
          <strong>{t("footer.emergency")}</strong>
        </p>
        <nav aria-label={t("footer.label")}>
          <ul>
            <li>
              <Link to="/safety">{t("footer.safety")}</Link>
            </li>
            <li>
              <Link to="/privacy">{t("footer.privacy")}</Link>
            </li>
          </ul>
        </nav>
        <p className="footer-note">{t("footer.demoNote")}</p>
      </div>
    </footer>
  );
}
