/**
 * The header's islands: section menus (a disclosure per group, one open at a time, closed by
 * Escape or a click elsewhere), the phone menu, and the theme choice. The theme itself is
 * applied before the first paint by /theme-init.js, so there is no flash.
 */
const nav = document.querySelector<HTMLElement>('[data-nav]');
const toggle = document.querySelector<HTMLButtonElement>('[data-nav-toggle]');
const groupButtons = [...document.querySelectorAll<HTMLButtonElement>('.nav-group-button')];

function setOpen(button: HTMLButtonElement, open: boolean) {
  button.setAttribute('aria-expanded', String(open));
}

for (const button of groupButtons) {
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') !== 'true';
    for (const other of groupButtons) setOpen(other, other === button && open);
  });
}
toggle?.addEventListener('click', () => setOpen(toggle, toggle.getAttribute('aria-expanded') !== 'true'));

function closeAll(returnFocus: boolean) {
  const open = groupButtons.find((b) => b.getAttribute('aria-expanded') === 'true');
  for (const button of groupButtons) setOpen(button, false);
  if (toggle?.getAttribute('aria-expanded') === 'true') {
    setOpen(toggle, false);
    if (returnFocus) toggle.focus();
  } else if (open && returnFocus) open.focus();
}
// Escape closes an open menu wherever focus is (a click does not focus a button in every browser);
// focus goes back to the menu's button only when it was inside the menu.
document.addEventListener('keydown', (event) => {
  const open = toggle?.getAttribute('aria-expanded') === 'true' || groupButtons.some((b) => b.getAttribute('aria-expanded') === 'true');
  if (event.key === 'Escape' && open) closeAll(nav?.contains(document.activeElement) ?? false);
});
document.addEventListener('click', (event) => {
  if (nav && !nav.contains(event.target as Node)) closeAll(false);
});
// Tabbing out of a menu closes it, as leaving it with the mouse would.
nav?.addEventListener('focusout', (event) => {
  if (!nav.contains(event.relatedTarget as Node | null)) closeAll(false);
});

const select = document.querySelector<HTMLSelectElement>('[data-theme-select]');
if (select) {
  select.value = document.documentElement.dataset.theme ?? 'system';
  select.addEventListener('change', () => {
    const root = document.documentElement;
    if (select.value === 'system') delete root.dataset.theme;
    else root.dataset.theme = select.value;
    try {
      if (select.value === 'system') localStorage.removeItem('cairn-theme');
      else localStorage.setItem('cairn-theme', select.value);
    } catch {
      /* private mode: the choice lasts for this page only */
    }
  });
}
