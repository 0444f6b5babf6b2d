/** Reveals each code block's copy button and copies the block's text, saying so where screen readers hear it. */
const blocks = document.querySelectorAll<HTMLButtonElement>('.code-block .copy-code');
const announcer = document.createElement('p');
announcer.setAttribute('role', 'status');
announcer.className = 'visually-hidden';
if (blocks.length > 0) document.body.append(announcer);

for (const button of blocks) {
  const pre = button.closest('.code-block')?.querySelector('pre');
  if (!pre) continue;
  const what = pre.getAttribute('aria-label') ?? 'code';
  button.title = `Copy ${what}`;
  button.hidden = false;
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(pre.textContent ?? '');
      button.textContent = 'Copied';
      announcer.textContent = `Copied the ${what} to the clipboard.`;
    } catch {
      // Refused (permissions, plain http): select the code so Ctrl+C copies it.
      getSelection()?.selectAllChildren(pre);
      button.textContent = 'Press Ctrl+C';
      announcer.textContent = `The browser refused the clipboard: the ${what} is selected, press Ctrl+C to copy it.`;
    }
    setTimeout(() => (button.textContent = 'Copy'), 2000);
  });
}
