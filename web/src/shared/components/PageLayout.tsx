/** The frame of every page: skip link, header with the product's name, the language switch and (signed
 * in) who it is and the sign-out button, the idle warning, the page's main content (focused on
 * navigation, so a screen reader starts there), footer. */
import type { ComponentChildren } from "preact";
import { useEffect } from "preact/hooks";
import { useLanguage } from "../i18n/language";
import { useSession } from "../session/SessionProvider";
import { LanguageSwitch } from "./LanguageSwitch";
import { Notice } from "./Notice";

export function PageLayout({ title, children }: { title: string; children: ComponentChildren }) {
  const { messages, language } = useLanguage();
  const { common, session: text } = messages;
  const { current, end, idleWarning, stay } = useSession();
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
          <div class="site-header__tools">
            <LanguageSwitch />
            {current && (
              <button type="button" class="header-button" onClick={() => end("signed-out")}>
                {text.signOut}
              </button>
            )}
          </div>
        </div>
        {current && (
          <div class="width-container site-header__who">{text.signedInAs(current.name[language])}</div>
        )}
      </header>
      <main id="main" class="width-container" tabIndex={-1}>
        {idleWarning && (
          <Notice heading={text.idleWarning.heading} tone="warning">
            <p>{text.idleWarning.body}</p>
            <button type="button" class="button button--secondary" onClick={stay}>
              {text.idleWarning.stay}
            </button>
          </Notice>
        )}
        {children}
      </main>
      <footer class="site-footer">
        <div class="width-container">{common.footer}</div>
      </footer>
    </>
  );
}
