/** A plain, prominent statement (GOV.UK's inset/notification banner): lockouts, refusals, what to do. */
import type { ComponentChildren } from "preact";
import { useId } from "preact/hooks";

export function Notice({ heading, children, tone = "info" }: { heading: string; children: ComponentChildren; tone?: "info" | "warning" }) {
  const headingId = useId();
  return (
    <section class={`notice notice--${tone}`} aria-labelledby={headingId} role={tone === "warning" ? "alert" : undefined}>
      <h2 class="notice__heading" id={headingId}>
        {heading}
      </h2>
      {children}
    </section>
  );
}
