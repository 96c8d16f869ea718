/**
 * The frame of every console page: the site's frame, the operator and centre at the desk, the console's
 * sections (the current one marked), and the page, once the desk is known. A person who is not signed in
 * is asked to sign in (never a loop of retries); another role is told this desk is not theirs.
 */
import type { ComponentChildren } from "preact";
import { Notice } from "../shared/components/Notice";
import { PageLayout } from "../shared/components/PageLayout";
import { useConsoleLanguage } from "../shared/i18n/centre";
import { useLocalized } from "../shared/i18n/language";
import { useDesk, type Desk } from "./desk/useDesk";
import "./console.css";

export type ConsoleSection = "desk" | "record" | "file" | "requests";

const SECTIONS: [ConsoleSection, string][] = [
  ["desk", "/centre"],
  ["record", "/centre/record"],
  ["file", "/centre/file"],
  ["requests", "/centre/requests"],
];

interface ConsoleFrameProps {
  title: string;
  section: ConsoleSection;
  children: (desk: Desk, reload: () => void) => ComponentChildren;
}

export function ConsoleFrame({ title, section, children }: ConsoleFrameProps) {
  const { language, messages } = useConsoleLanguage();
  const localized = useLocalized();
  const text = messages.centre;
  const state = useDesk();
  const signInHref = `/sign-in?next=${encodeURIComponent(window.location.pathname + window.location.search)}`;
  return (
    <PageLayout title={title}>
      <div class="console">
        {state.kind === "ready" && (
          <div class="console__bar">
            <p class="console__who">
              {text.operatorAt(
                (language === "en" && state.desk.operatorName.en) || state.desk.operatorName.ar,
                localized(state.desk.centre.name),
              )}{" "}
              <strong class={`tag tag--centre-${state.desk.centre.status.toLowerCase()}`}>
                {text.centreStatus[state.desk.centre.status]}
              </strong>
            </p>
            <nav class="console__nav" aria-label={text.nav.label}>
              <ul>
                {SECTIONS.map(([name, href]) => (
                  <li key={name}>
                    <a href={href} aria-current={name === section ? "page" : undefined}>
                      {text.nav[name]}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        )}
        {state.kind === "loading" && <p aria-live="polite">{messages.common.loading}</p>}
        {state.kind === "unreachable" && (
          <Notice heading={title} tone="warning">
            <p>{messages.common.unreachable}</p>
          </Notice>
        )}
        {state.kind === "signedOut" && (
          <>
            <h1 class="heading-xl">{text.signedOutHeading}</h1>
            <p>{text.signedOutBody}</p>
            <a class="button" href={signInHref}>
              {text.signIn}
            </a>
          </>
        )}
        {state.kind === "notOperator" && (
          <>
            <h1 class="heading-xl">{text.notOperatorHeading}</h1>
            <p>{text.notOperatorBody}</p>
          </>
        )}
        {state.kind === "ready" && children(state.desk, state.reload)}
      </div>
    </PageLayout>
  );
}
