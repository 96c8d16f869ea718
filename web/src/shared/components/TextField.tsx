/** A labelled input with its hint and its error (GOV.UK's text input): the hint and the error are tied
 * to the input by aria-describedby; the field is marked invalid while it has an error. */
import { useMessages } from "../i18n/language";

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
  const { common } = useMessages();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div class={error ? "form-group form-group--error" : "form-group"}>
      <label class="label" for={id}>
        {label}
      </label>
      <div class="hint" id={hintId}>
        {hint}
      </div>
      {error && (
        <p class="error-message" id={errorId}>
          <span class="visually-hidden">{common.errorPrefix} </span>
          {error}
        </p>
      )}
      <input
        class={`input input--${width ?? "medium"}`}
        id={id}
        name={id}
        type="text"
        value={value}
        onInput={(event) => onValue(event.currentTarget.value)}
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
        aria-invalid={error ? true : undefined}
        dir={dir}
        inputMode={inputMode}
        autoComplete={autoComplete ?? "off"}
        spellcheck={false}
        autoCapitalize="characters"
      />
    </div>
  );
}
