/**
 * The gate of a role's pages: nobody signed in → the sign-in page (coming back here after); someone of
 * another role → their own pages. Routing only: the API refuses what a token may not do, whatever the
 * page shows.
 */
import type { ComponentChildren } from "preact";
import { useEffect } from "preact/hooks";
import { PageLayout } from "../components/PageLayout";
import { useMessages } from "../i18n/language";
import { HOME, signInAddress, type Role } from "./roles";
import { useSession } from "./SessionProvider";
import type { StoredSession } from "./stored";

interface SignedInProps {
  role: Role;
  children: (session: StoredSession) => ComponentChildren;
}

export function SignedIn({ role, children }: SignedInProps) {
  const { current } = useSession();
  const { session: text } = useMessages();
  const allowed = current?.role === role;
  useEffect(() => {
    if (!current) window.location.replace(signInAddress(null, window.location.pathname + window.location.search));
    else if (!allowed) window.location.replace(HOME[current.role]);
  }, [current, allowed]);
  if (!current || !allowed) {
    return (
      <PageLayout title={text.redirecting}>
        <p role="status">{text.redirecting}</p>
      </PageLayout>
    );
  }
  return <>{children(current)}</>;
}
