import { Link, NavLink, useRouteLoaderData } from "@remix-run/react";
import type { RootLoader } from "~/root";
import { useTranslation } from "react-i18next";
import { LanguageSwitcher } from "./language-switcher";

export function SiteHeader() {
  const { t } = useTranslation();
  const account = useRouteLoaderData<RootLoader>("root")?.account;
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
            {account?.canOrganise ? (
              <li>
                <NavLink to="/organise">{t("nav.organise")}</NavLink>
              </li>
            ) : null}
            {account?.canModerate ? (
              <li>
                <NavLink to="/moderate/listings">{t("nav.moderate")}</NavLink>
              </li>
            ) : null}
            {account?.canManagePeople ? (
              <li>
                <NavLink to="/admin/people">{t("nav.people")}</NavLink>
              </li>
            ) : null}
            <li>
              {account ? <NavLink to="/account">{t("nav.account")}</NavLink> : <NavLink to="/signin">{t("nav.signIn")}</NavLink>}
            </li>
          </ul>
        </nav>
        <LanguageSwitcher />
      </div>
    </header>
  );
}
