/**
 * A card payment's slip (docs/money.md, "Card payments: the slip"): the terminal id and the retrieval
 * reference number (RRN) as the centre's terminal printed them, checked here as the API checks them
 * (8 letters or digits; 12 digits) and sent as `posSlip`. Cash has no slip.
 */
import type { PaymentMethod, PosSlipInput } from "../../generated/graphql";
import { TextField } from "../../shared/components/TextField";
import { westernDigits } from "../../shared/format/digits";
import { useConsoleMessages, type CentreMessages } from "../../shared/i18n/centre";

export const TERMINAL_FIELD = "pos-terminal-id";
export const RRN_FIELD = "pos-rrn";

export interface CardSlip {
  terminalId: string;
  retrievalReference: string;
}

export const NO_SLIP: CardSlip = { terminalId: "", retrievalReference: "" };

const TERMINAL = /^[A-Z0-9]{8}$/;
const RRN = /^\d{12}$/;

export function takesSlip(method: "" | PaymentMethod): boolean {
  return method === "MADA" || method === "CARD";
}

/** The slip as the API reads it: the terminal id in capitals, Arabic-Indic digits made Western. */
export function slipInput(slip: CardSlip): PosSlipInput {
  return {
    terminalId: westernDigits(slip.terminalId).trim().toUpperCase(),
    retrievalReference: westernDigits(slip.retrievalReference).replace(/\s/g, ""),
  };
}

export function slipErrors(slip: CardSlip, text: CentreMessages["slip"]): Record<string, string> {
  const { terminalId, retrievalReference } = slipInput(slip);
  const errors: Record<string, string> = {};
  if (!terminalId) errors[TERMINAL_FIELD] = text.terminalMissing;
  else if (!TERMINAL.test(terminalId)) errors[TERMINAL_FIELD] = text.terminalMalformed;
  if (!retrievalReference) errors[RRN_FIELD] = text.rrnMissing;
  else if (!RRN.test(retrievalReference)) errors[RRN_FIELD] = text.rrnMalformed;
  return errors;
}

/** Where the API's refusal of a slip belongs: a slip used before is its RRN; cash with a slip is the
 * payment method; a missing or malformed slip starts at the terminal id. */
export function slipProblemField(code: string, paymentField: string): string {
  if (code === "POS_SLIP_USED") return RRN_FIELD;
  if (code === "POS_SLIP_NOT_EXPECTED") return paymentField;
  return TERMINAL_FIELD;
}

interface CardSlipFieldsProps {
  value: CardSlip;
  onValue: (slip: CardSlip) => void;
  errors: Record<string, string>;
}

export function CardSlipFields({ value, onValue, errors }: CardSlipFieldsProps) {
  const text = useConsoleMessages().centre.slip;
  return (
    <fieldset class="fieldset fieldset--nested" aria-describedby="pos-slip-hint">
      <legend class="fieldset__legend">{text.legend}</legend>
      <p class="hint" id="pos-slip-hint">
        {text.hint}
      </p>
      <TextField
        id={TERMINAL_FIELD}
        label={text.terminal}
        hint={text.terminalHint}
        error={errors[TERMINAL_FIELD]}
        value={value.terminalId}
        onValue={(terminalId) => onValue({ ...value, terminalId })}
        dir="ltr"
        width="short"
      />
      <TextField
        id={RRN_FIELD}
        label={text.rrn}
        hint={text.rrnHint}
        error={errors[RRN_FIELD]}
        value={value.retrievalReference}
        onValue={(retrievalReference) => onValue({ ...value, retrievalReference })}
        dir="ltr"
        inputMode="numeric"
        width="medium"
      />
    </fieldset>
  );
}
