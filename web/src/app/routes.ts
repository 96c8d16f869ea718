/**
 * The pages by path, each loaded when first visited (an audience's code never weighs on another's).
 * A page helper adds its routes here; links between pages are plain <a href> (the server answers every
 * path with index.html). A segment `:name` matches one path segment, given to the page as `params.name`.
 */
import type { ComponentType } from "preact";

export type PageParams = Record<string, string>;
type PageModule = { default: ComponentType<{ params: PageParams }> };
type Load = () => Promise<PageModule>;

const comingSoon: Load = () => import("../shared/session/ComingSoonPage");

export const ROUTES: Record<string, Load> = {
  "/": () => import("./StartPage"),
  "/track": () => import("../citizen/tracker/TrackerPage"),
  "/sign-in": () => import("../shared/session/SignInPage"),
  "/me": () => import("../citizen/account/MyHomePage"),
  "/me/record": () => import("../citizen/record/RecordPage"),
  "/me/requests": () => import("../citizen/requests/RequestsPage"),
  "/me/requests/:id": () => import("../citizen/requests/RequestPage"),
  "/me/requests/:id/rate": () => import("../citizen/feedback/RatePage"),
  "/me/requests/:id/complain": () => import("../citizen/feedback/ComplaintPage"),
  "/me/messages": () => import("../citizen/messages/MessagesPage"),
  "/me/documents": () => import("../citizen/documents/DocumentsPage"),
  "/agency": comingSoon,
  "/monitor": comingSoon,
  "/admin": comingSoon,
  "/centre": () => import("../centre/desk/DeskPage"),
  "/centre/record": () => import("../centre/record/OpenRecordPage"),
  "/centre/file": () => import("../centre/file/FilePage"),
  "/centre/requests": () => import("../centre/requests/RequestsPage"),
  "/centre/requests/:id": () => import("../centre/request/RequestPage"),
  "/centre/calls": () => import("../centre/calls/CallListPage"),
  "/centre/money": () => import("../centre/money/MoneyPage"),
};

function matches(pattern: string, path: string): PageParams | undefined {
  const wanted = pattern.split("/");
  const given = path.split("/");
  if (wanted.length !== given.length) return undefined;
  const params: PageParams = {};
  for (const [index, segment] of wanted.entries()) {
    const actual = given[index] ?? "";
    if (segment.startsWith(":")) {
      if (!actual) return undefined;
      params[segment.slice(1)] = decodeURIComponent(actual);
    } else if (segment !== actual) {
      return undefined;
    }
  }
  return params;
}

export function routeOf(pathname: string): { load: Load; params: PageParams } | undefined {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  const exact = ROUTES[path];
  if (exact) return { load: exact, params: {} };
  for (const [pattern, load] of Object.entries(ROUTES)) {
    const params = pattern.includes(":") ? matches(pattern, path) : undefined;
    if (params) return { load, params };
  }
  return undefined;
}
