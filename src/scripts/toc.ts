/**
 * "On this page": completes the lists with the sections components add after the body
 * (lessons, incidents that hit a project…), then marks the section being read as the reader
 * scrolls. Without script the lists still hold every section of the body.
 */
const lists = [...document.querySelectorAll<HTMLUListElement>('.toc ul, .toc-mobile ul')];
const headings = [...document.querySelectorAll<HTMLHeadingElement>('.prose h2[id], .prose h3[id]')].filter((h) => !h.closest('.code-block, .callout'));

if (lists.length > 0 && headings.length > 1) {
  for (const list of lists) {
    const listed = new Set([...list.querySelectorAll('a')].map((a) => a.hash.slice(1)));
    if (headings.every((h) => listed.has(h.id))) continue;
    list.replaceChildren(
      ...headings.map((h) => {
        const li = document.createElement('li');
        li.className = `depth-${h.tagName.slice(1)}`;
        const a = document.createElement('a');
        a.href = `#${h.id}`;
        // The heading's own words, without the anchor and copy buttons inside it.
        a.textContent = [...h.childNodes]
          .filter((n) => n.nodeType === Node.TEXT_NODE || !(n as Element).matches('.heading-anchor, .copy-section, .badge'))
          .map((n) => n.textContent)
          .join('')
          .trim();
        li.append(a);
        return li;
      }),
    );
  }

  const links = lists.flatMap((list) => [...list.querySelectorAll<HTMLAnchorElement>('a')]);
  let current = '';
  const mark = () => {
    // The section being read is the last one whose heading has passed the top third of the screen.
    // At the foot of the page the last sections can never reach that line: then any heading in view counts.
    const atEnd = scrollY + innerHeight >= document.documentElement.scrollHeight - 2;
    const line = atEnd ? innerHeight : innerHeight / 3;
    let id = headings[0]!.id;
    for (const h of headings) if (h.getBoundingClientRect().top <= line) id = h.id;
    if (id === current) return;
    current = id;
    for (const a of links) {
      if (a.hash === `#${id}`) a.setAttribute('aria-current', 'location');
      else a.removeAttribute('aria-current');
    }
  };
  let queued = false;
  addEventListener(
    'scroll',
    () => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => ((queued = false), mark()));
    },
    { passive: true },
  );
  mark();
}
