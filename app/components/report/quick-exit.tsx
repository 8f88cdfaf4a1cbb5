import { useEffect } from "react";
import { useTranslation } from "react-i18next";

/** Where the quick exit goes: a server route that forgets the draft, then redirects to a neutral site. */
export const QUICK_EXIT_PATH = "/report/exit";

function leave() {
  // replace(): the report page is swapped out of the history, so Back does not return to it.
  window.location.replace(QUICK_EXIT_PATH);
}

/**
 * "Quick exit" on every report page. Without JavaScript it is a plain link (the server route
 * still forgets the draft); with JavaScript it replaces the history entry, and Escape works too.
 */
export function QuickExit() {
  const { t } = useTranslation("report");
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape" && !event.defaultPrevented) leave();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return (
    <a
      href={QUICK_EXIT_PATH}
      rel="noreferrer"
      className="quick-exit"
      onClick={(event) => {
        event.preventDefault();
        leave();
      }}
    >
      {t("quickExit.label")}
      <span className="quick-exit-hint">{t("quickExit.hint")}</span>
    </a>
  );
}
