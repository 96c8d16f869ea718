/** One row of GOV.UK's summary list: what it is, and its value (`code`: Latin, left to right, as
 * printed — ID numbers, tracking numbers, passwords). */
import type { ComponentChildren } from "preact";

interface SummaryRowProps {
  label: string;
  children: ComponentChildren;
  code?: boolean;
  id?: string;
  valueClass?: string;
}

export function SummaryRow({ label, children, code, id, valueClass }: SummaryRowProps) {
  const classes = [code ? "code" : "", valueClass ?? ""].filter(Boolean).join(" ");
  return (
    <div class="summary-list__row">
      <dt>{label}</dt>
      <dd dir={code ? "ltr" : undefined} class={classes || undefined} id={id}>
        {children}
      </dd>
    </div>
  );
}
