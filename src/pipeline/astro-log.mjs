// Astro's log destination during `npm run build` (Astro loads loggers as plain JavaScript).
// Route lines become a page count for Cairn's progress line; warnings and errors pass
// through; the rest of Astro's chatter is dropped. The build script listens on a
// process-wide slot, because Astro imports this file itself.
const slot = Symbol.for('cairn.astro-log');

export default function cairnAstroLog() {
  return {
    write(event) {
      const listener = globalThis[slot];
      const message = String(event.message);
      if (event.level === 'error' || event.level === 'warn') {
        if (listener) listener.problem(event.level, event.label, message);
        else process.stderr.write(`${message}\n`);
      } else if (message.includes('\u251C\u2500')) {
        listener?.page();
      } else if (event.label === 'build' || event.label === 'SKIP_FORMAT') {
        listener?.step(message);
      }
    },
  };
}
