import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export function Pagination({ page, pageCount, search, path }: { page: number; pageCount: number; search: string; path: string }) {
  const { t } = useTranslation("explore");
  if (pageCount <= 1) return null;
  const href = (target: number) => {
    const params = new URLSearchParams(search);
    if (target > 1) params.set("page", String(target));
    else params.delete("page");
    const query = params.toString();
    return `${path}${query ? `?${query}` : ""}`;
  };
  return (
    <nav className="pagination" aria-label={t("pagination.label")}>
      {page > 1 ? (
        <Link to={href(page - 1)} rel="prev" className="button button-secondary">
          {t("pagination.previous")}
        </Link>
      ) : null}
      <span aria-current="page">{t("pagination.status", { page, pageCount })}</span>
      {page < pageCount ? (
        <Link to={href(page + 1)} rel="next" className="button button-secondary">
          {t("pagination.next")}
        </Link>
      ) : null}
    </nav>
  );
}
