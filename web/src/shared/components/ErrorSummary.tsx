/**
 * GOV.UK's error summary: at the top of the form, focused when it appears (so it is read out), each
 * error a link that moves to its field.
 */
import { useEffect, useId, useRef } from "preact/hooks";
import { useMessages } from "../i18n/language";

export interface FieldError {
  /** The id of the input at fault. */
  field: string;
  message: string;
}

export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  const { common } = useMessages();
  const summary = useRef<HTMLDivElement>(null);
  const titleId = useId(); // a page with two forms can show two summaries
  useEffect(() => {
    if (errors.length) summary.current?.focus();
  }, [errors]);
  if (!errors.length) return null;
  const moveTo = (event: MouseEvent, field: string) => {
    const input = document.getElementById(field);
    if (!input) return;
    event.preventDefault();
    input.focus();
    input.closest(".form-group")?.scrollIntoView({ block: "start" });
  };
  return (
    <div class="error-summary" ref={summary} tabIndex={-1} aria-labelledby={titleId} role="alert">
      <h2 class="error-summary__title" id={titleId}>
        {common.errorSummaryTitle}
      </h2>
      <ul class="error-summary__list">
        {errors.map(({ field, message }) => (
          <li key={field + message}>
            <a href={`#${field}`} onClick={(event) => moveTo(event, field)}>
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
