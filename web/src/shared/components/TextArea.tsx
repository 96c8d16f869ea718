/** GOV.UK's textarea: label, hint and error tied to the field; the field marked invalid while in error. */
import "../styles/choices.css";
import { useMessages } from "../i18n/language";

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
      <textarea
        class="textarea"
        id={id}
        name={id}
        rows={rows}
        value={value}
        onInput={(event) => onValue(event.currentTarget.value)}
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
        aria-invalid={error ? true : undefined}
        dir="auto"
      />
    </div>
  );
}
