/**
 * The pages by path, each loaded when first visited (an audience's code never weighs on another's).
 * A page helper adds its routes here; links between pages are plain <a href> (the server answers every
 * path with index.html).
 */
import type { ComponentType } from "preact";

type PageModule = { default: ComponentType };

export const ROUTES: Record<string, () => Promise<PageModule>> = {
  "/": () => import("./StartPage"),
  "/track": () => import("../citizen/tracker/TrackerPage"),
  "/centre": () => import("../centre/desk/DeskPage"),
  "/centre/record": () => import("../centre/record/OpenRecordPage"),
  "/centre/file": () => import("../centre/file/FilePage"),
  "/centre/requests": () => import("../centre/requests/RequestsPage"),
  "/centre/request": () => import("../centre/request/RequestPage"),
};

export function routeOf(pathname: string): (() => Promise<PageModule>) | undefined {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  return ROUTES[path];
}
