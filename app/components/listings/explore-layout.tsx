import type { ComponentProps, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { FilterForm } from "./filter-form";

/** The frame shared by the explore page and the week agenda: heading, filters, results. */
export function ExploreLayout({
  className = "explore",
  titleId,
  title,
  lead,
  filters,
  children,
}: {
  className?: string;
  titleId: string;
  title: string;
  lead: string;
  filters: ComponentProps<typeof FilterForm>;
  children: ReactNode;
}) {
  const { t } = useTranslation("explore");
  return (
    <div className={className}>
      <section className="intro" aria-labelledby={titleId}>
        <h1 id={titleId}>{title}</h1>
        <p className="lead">{lead}</p>
      </section>
      <div className="explore-layout">
        <aside className="explore-filters" aria-label={t("filters.title")}>
          <FilterForm {...filters} />
        </aside>
        {children}
      </div>
    </div>
  );
}
