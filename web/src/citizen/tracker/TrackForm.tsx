/** The tracking number and the PIN, with GOV.UK's error summary above them. */
import { Form } from "../../shared/components/Form";
import { ErrorSummary, type FieldError } from "../../shared/components/ErrorSummary";
import { TextField } from "../../shared/components/TextField";
import { useMessages } from "../../shared/i18n/language";
import type { TrackingInput } from "./trackingInput";

export const NUMBER_FIELD = "tracking-number";
export const PIN_FIELD = "tracking-pin";

interface TrackFormProps {
  value: TrackingInput;
  onValue: (value: TrackingInput) => void;
  errors: FieldError[];
  busy: boolean;
  onSubmit: () => void;
}

export function TrackForm({ value, onValue, errors, busy, onSubmit }: TrackFormProps) {
  const { citizen } = useMessages();
  const text = citizen.tracker;
  const errorOf = (field: string) => errors.find((error) => error.field === field)?.message;
  return (
    <Form busy={busy} onSubmit={onSubmit}>
      <ErrorSummary errors={errors} />
      <TextField
        id={NUMBER_FIELD}
        label={text.numberLabel}
        hint={text.numberHint}
        error={errorOf(NUMBER_FIELD)}
        value={value.trackingNumber}
        onValue={(trackingNumber) => onValue({ ...value, trackingNumber })}
        dir="ltr"
      />
      <TextField
        id={PIN_FIELD}
        label={text.pinLabel}
        hint={text.pinHint}
        error={errorOf(PIN_FIELD)}
        value={value.pin}
        onValue={(pin) => onValue({ ...value, pin })}
        dir="ltr"
        inputMode="numeric"
        autoComplete="one-time-code"
        width="short"
      />
      <p class="hint">{text.lockoutRule}</p>
      <button class="button" type="submit" aria-disabled={busy ? true : undefined}>
        {busy ? text.submitting : text.submit}
      </button>
    </Form>
  );
}
