import { useTranslation } from "react-i18next";
import type { Flash } from "~/utils/flash.server";

/** The one-time message after a redirect, announced politely to screen readers. */
export function FlashMessage({ flash }: { flash: Flash }) {
  const { t } = useTranslation();
  return (
    <div className={`flash flash-${flash.kind}`} role="status">
      <p>{t(flash.key, flash.values ?? {})}</p>
    </div>
  );
}
