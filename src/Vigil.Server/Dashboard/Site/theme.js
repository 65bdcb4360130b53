// The colour theme: "system" (the default: prefers-color-scheme), "light" or "dark", chosen in the header and kept
// in this browser's localStorage. It is data-theme on <html>; the stylesheet turns that into color-scheme, which
// picks each light-dark() colour.
const key = 'vigil.dashboard.theme';
const themes = ['system', 'light', 'dark'];

/** The stored choice, "system" when there is none (or storage is unavailable). */
export function chosenTheme() {
  let stored = null;
  try { stored = localStorage.getItem(key); } catch { /* storage disabled: follow the system */ }
  return themes.includes(stored) ? stored : 'system';
}

/** Whether the page is drawn dark now (for what CSS does not colour, such as chart lines). */
export function isDark() {
  const theme = chosenTheme();
  return theme === 'dark' || (theme === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches);
}

function apply(theme) {
  document.documentElement.dataset.theme = theme;
}

/** Applies the stored theme (also the login page's one job for this module). */
export function applyStoredTheme() {
  const theme = chosenTheme();
  apply(theme);
  return theme;
}

/** Applies the stored theme and makes the select change (and store) it. */
export function themeControl(select) {
  select.value = applyStoredTheme();
  select.addEventListener('change', () => {
    const next = themes.includes(select.value) ? select.value : 'system';
    try { localStorage.setItem(key, next); } catch { /* kept for this page only */ }
    apply(next);
  });
}

/**
 * A colour variable of the stylesheet as the rgb() it draws in now: the variables are light-dark() pairs, which a
 * canvas (uPlot) cannot read, so an element resolves it.
 */
export function themeColour(variable, fallback) {
  const probe = document.createElement('span');
  probe.style.setProperty('color', `var(${variable}, ${fallback})`);
  probe.hidden = true;
  document.body.append(probe);
  const colour = getComputedStyle(probe).color;
  probe.remove();
  return colour || fallback;
}
