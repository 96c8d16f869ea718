/** The home of a role whose pages are not built yet (/agency, /monitor, /admin): signed in, nothing more. */
import { PageLayout } from "../components/PageLayout";
import { useSignInMessages } from "../i18n/signin";
import { HOME, isRole, type Role } from "./roles";
import { SignedIn } from "./SignedIn";

function roleAt(path: string): Role {
  const found = Object.entries(HOME).find(([, home]) => path === home || path.startsWith(`${home}/`));
  return found && isRole(found[0]) ? found[0] : "ADMIN";
}

export default function ComingSoonPage() {
  const text = useSignInMessages();
  return (
    <SignedIn role={roleAt(window.location.pathname)}>
      {() => (
        <PageLayout title={text.comingSoon.title}>
          <h1 class="heading-xl">{text.comingSoon.title}</h1>
          <p class="lead">{text.comingSoon.body}</p>
        </PageLayout>
      )}
    </SignedIn>
  );
}
