/** A labelled input with its hint and its error (GOV.UK's text input): the hint and the error are tied
 * to the input by aria-describedby; the field is marked invalid while it has an error. */
import { Field } from "./Field";

interface TextFieldProps {
  id: string;
  label: string;
  hint: string;
  error?: string | undefined;
  value: string;
  onValue: (value: string) => void;
  /** Latin text in an Arabic page (tracking numbers, PINs): typed and shown left to right. */
  dir?: "ltr" | "rtl";
  inputMode?: "numeric" | "text";
  autoComplete?: string;
  width?: "short" | "medium";
}

export function TextField({ id, label, hint, error, value, onValue, dir, inputMode, autoComplete, width }: TextFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(control) => (
        <input
          {...control}
          class={`input input--${width ?? "medium"}`}
          type="text"
          value={value}
          onInput={(event) => onValue(event.currentTarget.value)}
          dir={dir}
          inputMode={inputMode}
          autoComplete={autoComplete ?? "off"}
          spellcheck={false}
          autoCapitalize="characters"
        />
      )}
    </Field>
  );
}
