import { useMessages } from "../shared/i18n/language";
import { PageLayout } from "../shared/components/PageLayout";

export function NotFoundPage() {
  const { common } = useMessages();
  return (
    <PageLayout title={common.notFoundHeading}>
      <h1 class="heading-xl">{common.notFoundHeading}</h1>
      <p>
        {common.notFoundBody} <a href="/">{common.home}</a>
      </p>
    </PageLayout>
  );
}
