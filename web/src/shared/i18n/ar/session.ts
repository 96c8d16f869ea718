/** The session's texts every signed-in page needs (Arabic); the sign-in page's own: ./signin.ts. */
export const session = {
  showPassword: "إظهار",
  hidePassword: "إخفاء",
  passwordShown: "كلمة المرور ظاهرة",
  passwordHidden: "كلمة المرور مخفية",
  signOut: "تسجيل الخروج",
  signedInAs: (name: string) => `دخلت باسم ${name}`,
  redirecting: "جارٍ فتح صفحة تسجيل الدخول…",
  idleWarning: {
    heading: "ستخرج قريبًا",
    body: "لم نلحظ نشاطًا منذ مدة. سنُخرجك بعد دقيقتين حمايةً لبياناتك.",
    stay: "ابقَ متصلًا",
  },
};
