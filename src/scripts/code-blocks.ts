/** Reveals each code block's copy button and copies the block's text, saying so where screen readers hear it. */
for (const button of document.querySelectorAll<HTMLButtonElement>('.code-block .copy-code')) {
  const pre = button.closest('.code-block')?.querySelector('pre');
  if (!pre) continue;
  const language = pre.getAttribute('aria-label') ?? 'code';
  button.setAttribute('aria-label', `Copy ${language}`);
  button.hidden = false;
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(pre.textContent ?? '');
      button.textContent = 'Copied';
    } catch {
      // Refused (permissions, plain http): select the code so Ctrl+C copies it.
      getSelection()?.selectAllChildren(pre);
      button.textContent = 'Press Ctrl+C';
    }
    setTimeout(() => (button.textContent = 'Copy'), 2000);
  });
}
