/**
 * Where each role's pages live, and where a person may be sent after signing in. Routing only: a
 * page a role may not use would get nothing from the API anyway.
 */
export type Role = "CITIZEN" | "CENTRE_OPERATOR" | "AGENCY_OFFICER" | "MONITOR" | "ADMIN";

export const HOME: Record<Role, string> = {
  CITIZEN: "/me",
  CENTRE_OPERATOR: "/centre",
  AGENCY_OFFICER: "/agency",
  MONITOR: "/monitor",
  ADMIN: "/admin",
};

export const SIGN_IN_PATH = "/sign-in";

export function isRole(value: string): value is Role {
  return value in HOME;
}

/** Whether `path` is one of the role's own pages (its home or below it). */
export function isPageOf(role: Role, path: string): boolean {
  const home = HOME[role];
  return path === home || path.startsWith(`${home}/`) || path.startsWith(`${home}?`);
}

/**
 * The page to open after signing in: the one the person was sent away from (`next`), when it is one
 * of their role's pages on this site, else their role's home. Never another origin (`//host`,
 * `https:`), never the sign-in page itself (no loop).
 */
export function afterSignIn(role: Role, next: string | null): string {
  if (next && next.startsWith("/") && !next.startsWith("//") && !next.includes("\\") && isPageOf(role, next)) {
    return next;
  }
  return HOME[role];
}

/** The sign-in page's address for a person sent away from `path` (for `reason`). */
export function signInAddress(reason: SignOutReason | null, path?: string): string {
  const query = new URLSearchParams();
  if (reason) query.set("reason", reason);
  if (path && path !== SIGN_IN_PATH) query.set("next", path);
  const text = query.toString();
  return text ? `${SIGN_IN_PATH}?${text}` : SIGN_IN_PATH;
}

export type SignOutReason = "expired" | "idle" | "signed-out";

export function isSignOutReason(value: string | null): value is SignOutReason {
  return value === "expired" || value === "idle" || value === "signed-out";
}
