/** http://127.0.0.1:8000/ — what Shubbak offers a visitor, and the way to each page. */
import { useMessages } from "../shared/i18n/language";
import { PageLayout } from "../shared/components/PageLayout";

export default function StartPage() {
  const { common } = useMessages();
  return (
    <PageLayout title={common.startHeading}>
      <h1 class="heading-xl">{common.startHeading}</h1>
      <p class="lead">{common.startIntro}</p>
      <ul class="start-list">
        <li>
          <a class="start-list__link" href="/track">
            {common.startTrack}
          </a>
          <p class="hint">{common.startTrackHint}</p>
        </li>
        <li>
          <a class="start-list__link" href="/sign-in">
            {common.startSignIn}
          </a>
          <p class="hint">{common.startSignInHint}</p>
        </li>
      </ul>
    </PageLayout>
  );
}
