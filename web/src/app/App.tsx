/** The application: the language, the session (and the API client that carries its token), the page of the path. */
import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import { LanguageProvider, type Language } from "../shared/i18n/language";
import { SessionProvider } from "../shared/session/SessionProvider";
import { NotFoundPage } from "./NotFoundPage";
import { routeOf, type PageParams } from "./routes";

type Page = { component: ComponentType<{ params: PageParams }>; params: PageParams };

export function App({ language, pathname }: { language: Language; pathname: string }) {
  const [page, setPage] = useState<Page | null>(null);
  useEffect(() => {
    const route = routeOf(pathname);
    if (!route) {
      setPage({ component: NotFoundPage, params: {} });
      return;
    }
    void route.load().then((module) => setPage({ component: module.default, params: route.params }));
  }, [pathname]);
  return (
    <LanguageProvider initial={language}>
      <SessionProvider>{page && <page.component params={page.params} />}</SessionProvider>
    </LanguageProvider>
  );
}
