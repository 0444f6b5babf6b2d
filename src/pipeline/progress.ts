/**
 * Where a long build is: one updating line in a terminal, a few plain lines in CI (or when
 * output is piped), and at the end how long each phase took.
 */
export interface Progress {
  /** Starts a phase; the previous one ends. */
  phase(name: string): void;
  /** The current phase's count, e.g. "1,204 / 10,000 documents". */
  update(detail: string): void;
  /** Prints a line above the progress line. */
  log(line: string): void;
  /** Ends the last phase; returns each phase's duration in ms. */
  finish(): { name: string; ms: number }[];
}

const number = new Intl.NumberFormat('en-GB');
export const count = (n: number) => number.format(n);

export function progress(stream: NodeJS.WriteStream = process.stderr): Progress {
  const live = Boolean(stream.isTTY) && !process.env.CI;
  const phases: { name: string; ms: number }[] = [];
  let current: { name: string; started: number; printed: number } | undefined;
  let shown = '';
  const clear = () => {
    if (live && shown) stream.write('\r\x1b[2K');
    shown = '';
  };
  const end = () => {
    if (!current) return;
    const ms = performance.now() - current.started;
    phases.push({ name: current.name, ms });
    clear();
    stream.write(`${current.name}: done in ${(ms / 1000).toFixed(1)} s\n`);
    current = undefined;
  };
  return {
    phase(name) {
      end();
      current = { name, started: performance.now(), printed: performance.now() };
      if (live) {
        shown = `${name}…`;
        stream.write(shown);
      } else stream.write(`${name}…\n`);
    },
    update(detail) {
      if (!current) return;
      const now = performance.now();
      // A terminal line is cheap to redraw; a CI log gets a line every ten seconds at most.
      if (now - current.printed < (live ? 100 : 10_000)) return;
      current.printed = now;
      if (live) {
        clear();
        shown = `${current.name}: ${detail}`.slice(0, (stream.columns ?? 100) - 1);
        stream.write(shown);
      } else stream.write(`${current.name}: ${detail}\n`);
    },
    log(line) {
      const again = shown;
      clear();
      stream.write(`${line}\n`);
      if (live && again) stream.write((shown = again));
    },
    finish() {
      end();
      return phases;
    },
  };
}
