import { render } from "preact";
import "./shared/styles/fonts.css";
import "./shared/styles/base.css";
import { App } from "./app/App";
import { applyLanguage, storedLanguage } from "./shared/i18n/language";

const language = storedLanguage();
applyLanguage(language);
render(<App language={language} pathname={window.location.pathname} />, document.getElementById("app")!);
