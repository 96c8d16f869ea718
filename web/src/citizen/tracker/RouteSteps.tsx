/** The route's stages in order, each agency's step with its state (in words, not colour alone), when it
 * is due (and how far off that is, or that it is late), and when it was received and decided. */
import { DateTime } from "../../shared/components/DateTime";
import { relativeTime } from "../../shared/format/intl";
import { useLanguage, useLocalized } from "../../shared/i18n/language";
import type { RouteStage, RouteStep } from "./routeSteps";

export function RouteSteps({ stages }: { stages: RouteStage[] }) {
  const { messages } = useLanguage();
  const text = messages.citizen.tracker;
  return (
    <section aria-labelledby="route-heading">
      <h2 class="heading-m" id="route-heading">
        {text.routeHeading}
      </h2>
      <ol class="route">
        {stages.map((stage) => (
          <li class="route__stage" key={stage.order}>
            <h3 class="heading-s">{text.stage(stage.order)}</h3>
            {stage.steps.length > 1 && <p class="hint">{text.stageParallel}</p>}
            <ul class="route__steps">
              {stage.steps.map((step) => (
                <Step step={step} key={step.agencyCode} />
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Step({ step }: { step: RouteStep }) {
  const { language, messages } = useLanguage();
  const localized = useLocalized();
  const text = messages.citizen.tracker;
  return (
    <li class={`route__step route__step--${step.state.toLowerCase()}`}>
      <p class="route__agency">{step.name ? localized(step.name) : step.agencyCode}</p>
      <p class="route__task">{localized(step.task)}</p>
      <p>
        <strong class={`tag tag--${step.state.toLowerCase()}`}>{messages.statuses.step[step.state]}</strong>
      </p>
      {step.dueAt && (
        <p class={step.overdue ? "route__due route__due--late" : "route__due"}>
          {step.overdue
            ? messages.common.overdueSince(relativeTime(step.dueAt, language))
            : messages.common.dueIn(relativeTime(step.dueAt, language))}{" "}
          (<DateTime value={step.dueAt} />)
        </p>
      )}
      {step.receivedAt && (
        <p>
          {text.receivedAt}: <DateTime value={step.receivedAt} />
        </p>
      )}
      {step.decidedAt && step.state === "COMPLETED" && (
        <p>
          {text.doneAt}: <DateTime value={step.decidedAt} />
        </p>
      )}
    </li>
  );
}
