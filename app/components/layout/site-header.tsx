import { Link, NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LanguageSwitcher } from "./language-switcher";

export function SiteHeader() {
  const { t } = useTranslation();
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true" />
          {t("app.name")}
        </Link>
        <nav aria-label={t("nav.label")} className="site-nav">
          <ul>
            <li>
              <NavLink to="/" end>
                {t("nav.discover")}
              </NavLink>
            </li>
            <li>
              <NavLink to="/this-week">{t("nav.week")}</NavLink>
            </li>
            <li>
              <NavLink to="/safety">{t("nav.safety")}</NavLink>
            </li>
            <li>
              <NavLink to="/report">{t("nav.report")}</NavLink>
            </li>
          </ul>
        </nav>
        <LanguageSwitcher />
      </div>
    </header>
  );
}
