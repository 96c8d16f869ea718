/** The frame of the money page's two forms (a remittance, closing a day): a heading and what it does,
 * the last success announced, the form with its error summary, an error of the whole form, its button. */
import type { ComponentChildren } from "preact";
import { ErrorSummary } from "../../shared/components/ErrorSummary";
import { Form } from "../../shared/components/Form";

interface MoneyActionProps {
  /** The button's id; the heading, the success and the form's own error are named after it. */
  name: string;
  heading: string;
  intro: string;
  done: string;
  busy: boolean;
  errors: Record<string, string>;
  submit: string;
  secondary?: boolean;
  onSubmit: () => void;
  children: ComponentChildren;
}

export function MoneyAction({ name, heading, intro, done, busy, errors, submit, secondary, onSubmit, children }: MoneyActionProps) {
  return (
    <section aria-labelledby={`${name}-heading`}>
      <h2 class="heading-l" id={`${name}-heading`}>
        {heading}
      </h2>
      <p>{intro}</p>
      <p class="visually-hidden" aria-live="polite">
        {done}
      </p>
      {done && (
        <p class="panel panel--done" id={`${name}-done`} aria-hidden="true">
          {done}
        </p>
      )}
      <Form busy={busy} onSubmit={onSubmit}>
        <ErrorSummary errors={Object.entries(errors).map(([field, message]) => ({ field, message }))} />
        {children}
        {errors[name] && (
          <p class="error-message" id={`${name}-error`}>
            {errors[name]}
          </p>
        )}
        <button class={secondary ? "button button--secondary" : "button"} id={name} type="submit" aria-disabled={busy ? true : undefined}>
          {submit}
        </button>
      </Form>
    </section>
  );
}
