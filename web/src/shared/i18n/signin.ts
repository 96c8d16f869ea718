/**
 * The sign-in page's texts (`ar/signin.ts`, `en/signin.ts`), kept out of the catalogue every page
 * loads: only the sign-in and coming-soon pages import them, so the tracker never downloads them.
 */
import type { Widened } from "./catalogue";
import { useLanguage } from "./language";
import { signin as arabicSignIn } from "./ar/signin";
import { signin as englishSignIn } from "./en/signin";

export type SignInMessages = Widened<typeof arabicSignIn>;

export function useSignInMessages(): SignInMessages {
  const { language } = useLanguage();
  return language === "ar" ? arabicSignIn : englishSignIn;
}
