/** A plain, prominent statement (GOV.UK's inset/notification banner): lockouts, refusals, what to do. */
import type { ComponentChildren } from "preact";

export function Notice({ heading, children, tone = "info" }: { heading: string; children: ComponentChildren; tone?: "info" | "warning" }) {
  return (
    <section class={`notice notice--${tone}`} aria-labelledby="notice-heading" role={tone === "warning" ? "alert" : undefined}>
      <h2 class="notice__heading" id="notice-heading">
        {heading}
      </h2>
      {children}
    </section>
  );
}
