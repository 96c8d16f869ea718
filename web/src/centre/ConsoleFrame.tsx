/**
 * The frame of every console page: the session's gate (nobody signed in: the sign-in page, back here
 * after; another role: their own pages), the site's frame, the operator and centre at the desk, the
 * console's sections (the current one marked), and the page, once the desk is known.
 */
import type { ComponentChildren } from "preact";
import { Notice } from "../shared/components/Notice";
import { PageLayout } from "../shared/components/PageLayout";
import { SignedIn } from "../shared/session/SignedIn";
import { useConsoleLanguage } from "../shared/i18n/centre";
import { useLocalized } from "../shared/i18n/language";
import { useDesk, type Desk } from "./desk/useDesk";
import "./console.css";

export type ConsoleSection = "desk" | "record" | "file" | "requests" | "calls" | "money";

const SECTIONS: [ConsoleSection, string][] = [
  ["desk", "/centre"],
  ["record", "/centre/record"],
  ["file", "/centre/file"],
  ["requests", "/centre/requests"],
  ["calls", "/centre/calls"],
  ["money", "/centre/money"],
];

interface ConsoleFrameProps {
  title: string;
  section: ConsoleSection;
  children: (desk: Desk, reload: () => void) => ComponentChildren;
}

export function ConsoleFrame(props: ConsoleFrameProps) {
  return <SignedIn role="CENTRE_OPERATOR">{() => <Console {...props} />}</SignedIn>;
}

function Console({ title, section, children }: ConsoleFrameProps) {
  const { messages } = useConsoleLanguage();
  const localized = useLocalized();
  const text = messages.centre;
  const state = useDesk();
  return (
    <PageLayout title={title}>
      <div class="console">
        {state.kind === "ready" && (
          <div class="console__bar">
            <p class="console__who">
              {localized(state.desk.centre.name)}{" "}
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
        {state.kind === "ready" && children(state.desk, state.reload)}
      </div>
    </PageLayout>
  );
}
