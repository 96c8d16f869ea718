/** The frame of every page: skip link, header with the product's name and the language switch, the
 * page's main content (focused on navigation, so a screen reader starts there), footer. */
import type { ComponentChildren } from "preact";
import { useEffect } from "preact/hooks";
import { useMessages } from "../i18n/language";
import { LanguageSwitch } from "./LanguageSwitch";

export function PageLayout({ title, children }: { title: string; children: ComponentChildren }) {
  const { common } = useMessages();
  useEffect(() => {
    document.title = `${title} — ${common.productName}`;
  }, [title, common.productName]);
  return (
    <>
      <a class="skip-link" href="#main">
        {common.skipToContent}
      </a>
      <header class="site-header">
        <div class="width-container site-header__inner">
          <a class="site-header__name" href="/">
            {common.productName}
          </a>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" class="width-container" tabIndex={-1}>
        {children}
      </main>
      <footer class="site-footer">
        <div class="width-container">{common.footer}</div>
      </footer>
    </>
  );
}
