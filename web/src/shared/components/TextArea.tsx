/** GOV.UK's textarea: label, hint and error tied to the field; the field marked invalid while in error. */
import "../styles/choices.css";
import { Field } from "./Field";

interface TextAreaProps {
  id: string;
  label: string;
  hint: string;
  error?: string | undefined;
  value: string;
  onValue: (value: string) => void;
  rows?: number;
}

export function TextArea({ id, label, hint, error, value, onValue, rows = 5 }: TextAreaProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(control) => (
        <textarea
          {...control}
          class="textarea"
          rows={rows}
          value={value}
          onInput={(event) => onValue(event.currentTarget.value)}
          dir="auto"
        />
      )}
    </Field>
  );
}
