/**
 * "Record a remittance": cash handed from the drawer to the treasury, in SAR, under the deposit slip's
 * number, checked here as the API checks them; the API's refusals (more than the drawer holds, a slip
 * recorded with another amount, …) land on their fields. After a remittance the page reads its money again.
 */
import { useState } from "preact/hooks";
import { useClient } from "@urql/preact";
import { trusted } from "../../shared/api/documents";
import { TextField } from "../../shared/components/TextField";
import { westernDigits } from "../../shared/format/digits";
import { money } from "../../shared/format/intl";
import { useConsoleLanguage } from "../../shared/i18n/centre";
import { useLocalized } from "../../shared/i18n/language";
import { RecordRemittanceDocument } from "../../generated/graphql";
import { problemError } from "../components/problems";
import { MoneyAction } from "./MoneyAction";

const AMOUNT_FIELD = "remit-amount";
const REFERENCE_FIELD = "remit-reference";
const SUBMIT_ID = "remit";
const AMOUNT = /^\d+(\.\d{1,2})?$/;
const REFERENCE = /^[A-Z0-9-]{4,32}$/;

/** Typed on either keyboard: Arabic-Indic digits and the Arabic decimal separator (٫) are accepted. */
function amountInput(typed: string): string {
  return westernDigits(typed).replace("٫", ".").replace(/[\s,٬]/g, "");
}

export function RemittanceForm({ onRecorded }: { onRecorded: () => Promise<void> }) {
  const client = useClient();
  const { language, messages } = useConsoleLanguage();
  const localized = useLocalized();
  const text = messages.centre.money;
  const [amount, setAmount] = useState("");
  const [reference, setReference] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState("");

  const submit = async () => {
    const sar = amountInput(amount);
    const slip = reference.trim().toUpperCase();
    const invalid: Record<string, string> = {};
    if (!sar) invalid[AMOUNT_FIELD] = text.amountMissing;
    else if (!AMOUNT.test(sar) || Number(sar) <= 0) invalid[AMOUNT_FIELD] = text.amountMalformed;
    if (!slip) invalid[REFERENCE_FIELD] = text.referenceMissing;
    else if (!REFERENCE.test(slip)) invalid[REFERENCE_FIELD] = text.referenceMalformed;
    setErrors(invalid);
    setDone("");
    if (Object.keys(invalid).length) return;
    setBusy(true);
    const answer = (await client.mutation(trusted(RecordRemittanceDocument), { input: { amount: sar, reference: slip } }).toPromise()).data?.recordRemittance;
    setBusy(false);
    if (!answer) return setErrors({ [SUBMIT_ID]: messages.common.unreachable });
    if (answer.__typename !== "JournalEntry") {
      const { field, message } = problemError(answer, { amount: AMOUNT_FIELD, reference: REFERENCE_FIELD }, SUBMIT_ID, localized);
      return setErrors({ [field]: message });
    }
    setAmount("");
    setReference("");
    await onRecorded();
    setDone(text.remitted(money(answer.amount, language), answer.reference ?? slip));
  };

  return (
    <MoneyAction
      name={SUBMIT_ID}
      heading={text.remitHeading}
      intro={text.remitIntro}
      done={done}
      busy={busy}
      errors={errors}
      submit={busy ? text.remitting : text.remit}
      onSubmit={() => void submit()}
    >
      <TextField
        id={AMOUNT_FIELD}
        label={text.amountLabel}
        hint={text.amountHint}
        error={errors[AMOUNT_FIELD]}
        value={amount}
        onValue={setAmount}
        dir="ltr"
        width="short"
      />
      <TextField
        id={REFERENCE_FIELD}
        label={text.referenceLabel}
        hint={text.referenceHint}
        error={errors[REFERENCE_FIELD]}
        value={reference}
        onValue={setReference}
        dir="ltr"
      />
    </MoneyAction>
  );
}
