import { Form, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isLocale, localeNames, supportedLocales, textDirection } from "~/domain/i18n/config";
import { GlobeIcon } from "../ui/icons";

/**
 * A disclosure with one button per language. Works without JavaScript: <details> opens
 * natively and the form posts to /language, which sets the cookie and sends you back.
 * Each language is named in its own script, so people find theirs without reading ours.
 */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const current = isLocale(i18n.language) ? i18n.language : "nl";
  const search = new URLSearchParams(location.search);
  search.delete("lng");
  const query = search.toString();
  const back = `${location.pathname}${query ? `?${query}` : ""}`;

  return (
    <details className="language-switcher">
      <summary>
        <GlobeIcon />
        <span className="visually-hidden">{t("language.label")}: </span>
        <span lang={current}>{localeNames[current]}</span>
      </summary>
      <Form method="post" action="/language" reloadDocument className="language-list">
        <input type="hidden" name="redirectTo" value={back} />
        {supportedLocales.map((locale) => (
          <button
            key={locale}
            type="submit"
            name="lng"
            value={locale}
            lang={locale}
            dir={textDirection(locale)}
            aria-current={locale === current ? "true" : undefined}
            className="language-option"
          >
            {localeNames[locale]}
          </button>
        ))}
      </Form>
    </details>
  );
}
