/** The application: the language, the API client, and the page of the current path. */
import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import { Provider } from "@urql/preact";
import { createApiClient } from "../shared/api/client";
import { LanguageProvider, type Language } from "../shared/i18n/language";
import { NotFoundPage } from "./NotFoundPage";
import { routeOf } from "./routes";

const client = createApiClient();

export function App({ language, pathname }: { language: Language; pathname: string }) {
  const [Page, setPage] = useState<ComponentType | null>(null);
  useEffect(() => {
    const load = routeOf(pathname);
    if (!load) {
      setPage(() => NotFoundPage);
      return;
    }
    void load().then((module) => setPage(() => module.default));
  }, [pathname]);
  return (
    <LanguageProvider initial={language}>
      <Provider value={client}>{Page && <Page />}</Provider>
    </LanguageProvider>
  );
}
