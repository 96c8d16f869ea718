/** A card payment's slip on the receipt and the request's page: the terminal id and the RRN as printed
 * (nothing for cash). */
import { SummaryRow } from "../../shared/components/SummaryRow";
import { useConsoleMessages } from "../../shared/i18n/centre";

interface Paid {
  terminalId?: string | null;
  retrievalReference?: string | null;
}

export function CardSlipRows({ payment }: { payment: Paid }) {
  const text = useConsoleMessages().centre.slip;
  if (!payment.terminalId || !payment.retrievalReference) return null;
  return (
    <>
      <SummaryRow label={text.terminal} code id="slip-terminal-id">
        {payment.terminalId}
      </SummaryRow>
      <SummaryRow label={text.rrn} code id="slip-rrn">
        {payment.retrievalReference}
      </SummaryRow>
    </>
  );
}
