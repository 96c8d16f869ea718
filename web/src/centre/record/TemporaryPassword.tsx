/** The temporary password, shown once: large, to read out or hand over, and printable on a slip. */
import { useEffect, useRef } from "preact/hooks";
import { useConsoleMessages } from "../../shared/i18n/centre";
import { SummaryRow } from "../../shared/components/SummaryRow";

export function TemporaryPassword({ nationalId, password }: { nationalId: string; password: string }) {
  const { centre } = useConsoleMessages();
  const text = centre.record;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section class="panel panel--confirmation printable" aria-labelledby="opened-heading">
      <h2 class="heading-l" id="opened-heading" ref={heading} tabIndex={-1}>
        {text.openedHeading}
      </h2>
      <p class="print-only">{text.passwordSlipTitle}</p>
      <dl class="summary-list">
        <SummaryRow label={centre.lookup.nationalIdLabel} code>
          {nationalId}
        </SummaryRow>
        <SummaryRow label={text.passwordLabel} code valueClass="secret" id="temporary-password">
          {password}
        </SummaryRow>
      </dl>
      <p class="no-print">{text.passwordOnce}</p>
      <p class="print-only">{text.passwordSlipSignIn}</p>
      <button class="button button--secondary no-print" type="button" onClick={() => window.print()}>
        {text.print}
      </button>
    </section>
  );
}
