/**
 * <tsunagu-survey>: one question per visit; a survey this browser answered stays hidden for its
 * window; the answer is posted through the app proxy and thanked inline. Without this script the
 * block is a plain form answered by a thank-you page.
 */
const ANSWERED = "tsunagu-survey-answered";
const SHOWN = "tsunagu-survey-shown";

class TsunaguSurvey extends HTMLElement {
  connectedCallback() {
    const id = this.dataset.survey || "";
    const days = Number(this.dataset.cooldown || 0);
    const answered = JSON.parse(
      localStorage.getItem(ANSWERED) || "{}",
    ) as Record<string, number>;
    const shown = sessionStorage.getItem(SHOWN);
    if (
      (answered[id] && Date.now() - answered[id] < days * 864e5) ||
      (shown && shown !== id)
    ) {
      this.hidden = true;
      return;
    }
    sessionStorage.setItem(SHOWN, id);
    const form = this.querySelector("form");
    const status = this.querySelector(".tsunagu-survey__status");
    const strings = JSON.parse(
      this.querySelector("script[data-survey-strings]")?.textContent || "{}",
    ) as Record<string, string>;
    const rid = Math.random().toString(36).slice(2) + Date.now().toString(36);
    form?.addEventListener("submit", async (e) => {
      e.preventDefault();
      const body = new FormData(form);
      body.set("rid", rid);
      const button = form.querySelector("button");
      if (button) button.disabled = true;
      try {
        const res = await fetch(form.action, {
          method: "POST",
          body,
          headers: { Accept: "application/json" },
        });
        if (res.ok || res.status === 409) {
          answered[id] = Date.now();
          localStorage.setItem(ANSWERED, JSON.stringify(answered));
          form.querySelector("fieldset")?.setAttribute("disabled", "");
          if (status)
            status.textContent = res.ok ? strings.thanks : strings.already;
          return;
        }
        throw new Error(String(res.status));
      } catch {
        if (status) status.textContent = strings.error;
        if (button) button.disabled = false;
      }
    });
  }
}

if (!customElements.get("tsunagu-survey"))
  customElements.define("tsunagu-survey", TsunaguSurvey);
