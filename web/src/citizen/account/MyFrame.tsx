/**
 * The frame of the signed-in citizen's pages: the session's gate (citizens only), the page layout, and
 * the account's navigation (GOV.UK's service navigation: the current page marked for screen readers).
 */
import type { ComponentChildren } from "preact";
import { PageLayout } from "../../shared/components/PageLayout";
import { useMyMessages } from "../../shared/i18n/me";
import { SignedIn } from "../../shared/session/SignedIn";
import type { StoredSession } from "../../shared/session/stored";
import "./me.css";

export type MySection = "home" | "requests" | "messages" | "documents" | "record";

const SECTIONS: [MySection, string][] = [
  ["home", "/me"],
  ["requests", "/me/requests"],
  ["messages", "/me/messages"],
  ["documents", "/me/documents"],
  ["record", "/me/record"],
];

interface MyFrameProps {
  title: string;
  section: MySection;
  children: (session: StoredSession) => ComponentChildren;
}

export function MyFrame({ title, section, children }: MyFrameProps) {
  const text = useMyMessages().nav;
  return (
    <SignedIn role="CITIZEN">
      {(session) => (
        <PageLayout title={title}>
          <nav class="my-nav" aria-label={text.label}>
            <ul class="my-nav__list">
              {SECTIONS.map(([name, href]) => (
                <li key={name}>
                  <a class="my-nav__link" href={href} aria-current={name === section ? "page" : undefined}>
                    {text[name]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {children(session)}
        </PageLayout>
      )}
    </SignedIn>
  );
}
