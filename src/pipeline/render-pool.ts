import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DocumentRender, RenderJob, RenderSettings } from './render-document.ts';
import { validFrontMatter, type FrontMatterJob } from './valid-front-matter.ts';
import type { WorkerReply, WorkerRequest } from './render-worker.ts';

/** Below this many renders, starting workers (about 0.3 s each) costs more than it saves. */
export const minJobsForWorkers = 64;
/** Jobs per message: large enough to amortise messaging, small enough to balance the load. */
const chunkSize = 16;

/** How many renders may run at once: one per core, or `CAIRN_WORKERS`. */
export function defaultWorkers(): number {
  const asked = Number(process.env.CAIRN_WORKERS);
  return Number.isInteger(asked) && asked >= 1 ? asked : availableParallelism();
}

/**
 * Worker threads for the two parallel phases of loading: validating front matter (before the
 * ID index exists) and rendering bodies (with it). Started before the files are read, so the
 * workers load their modules while the main thread reads.
 */
export interface RenderPool {
  /** The validated data of each front matter, or undefined where it has problems (the main thread reports those). */
  validate(jobs: readonly FrontMatterJob[]): Promise<(Record<string, unknown> | undefined)[]>;
  /** Renders every job; `onRendered` is given each render as it arrives (in no set order), with the running count. */
  render(jobs: readonly RenderJob[], settings: RenderSettings, onRendered?: Rendered): Promise<DocumentRender[]>;
  close(): Promise<void>;
}

/** Told of one finished job: its index among the jobs, its result and how many are done. */
type Rendered = (index: number, render: DocumentRender, done: number) => void;

export function startPool(workers: number): RenderPool {
  const pool = Array.from({ length: workers }, () => new Worker(new URL('./render-worker.ts', import.meta.url)));
  // A worker that fails between two phases fails the next phase, not the process.
  let failed: Error | undefined;
  for (const worker of pool) worker.on('error', (error: Error) => (failed ??= error));
  let settingsSent: RenderSettings | undefined;
  /** Hands out chunks to whichever worker is free; results land by chunk, so order never depends on timing. */
  const run = async <J, R>(kind: 'validate' | 'render', jobs: readonly J[], onDone?: (index: number, result: R, done: number) => void): Promise<R[]> => {
    if (failed) throw failed;
    const results: R[] = new Array(jobs.length);
    const chunks = Math.ceil(jobs.length / chunkSize);
    let next = 0;
    let done = 0;
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= chunks) return finish(resolve);
              const chunk = next++;
              worker.postMessage({ kind, chunk, jobs: jobs.slice(chunk * chunkSize, (chunk + 1) * chunkSize) } as WorkerRequest);
            };
            const onMessage = ({ chunk, results: part }: WorkerReply<R>) => {
              // The next chunk goes out first, so the worker renders while this thread handles the results.
              send();
              try {
                part.forEach((r, i) => {
                  results[chunk * chunkSize + i] = r;
                  onDone?.(chunk * chunkSize + i, r, ++done);
                });
              } catch (error) {
                // Thrown in an event handler it would end the process; it fails the phase instead (a full disk under the cache, say).
                finish(() => reject(error as Error));
              }
            };
            const onExit = (code: number) => reject(new Error(`a render worker stopped (exit ${code})`));
            const finish = (then: () => void) => {
              worker.off('message', onMessage).off('error', reject).off('exit', onExit);
              then();
            };
            worker.on('message', onMessage).once('error', reject).once('exit', onExit);
            send();
          }),
      ),
    );
    return results;
  };
  return {
    validate: (jobs) => run('validate', jobs),
    render(jobs, settings, onRendered) {
      if (settingsSent !== settings) {
        for (const worker of pool) worker.postMessage({ kind: 'settings', settings } as WorkerRequest);
        settingsSent = settings;
      }
      return run<RenderJob, DocumentRender>('render', jobs, onRendered);
    },
    async close() {
      await Promise.all(pool.map((w) => w.terminate()));
    },
  };
}

/** The same work on this thread, for small sets and one-worker runs. */
function inlinePool(): RenderPool {
  return {
    validate: async (jobs) => jobs.map(validFrontMatter),
    async render(jobs, settings, onRendered) {
      if (jobs.length === 0) return [];
      // Loaded here, not above: a run whose renders all come from the cache never needs it.
      const { documentRenderer } = await import('./render-document.ts');
      const render = documentRenderer(settings);
      return jobs.map((job, i) => {
        const result = render(job);
        onRendered?.(i, result, i + 1);
        return result;
      });
    },
    async close() {},
  };
}

/** Worker threads when there is enough work for them, otherwise this thread. */
export function poolFor(jobs: number, workers = defaultWorkers()): RenderPool {
  return workers <= 1 || jobs < minJobsForWorkers ? inlinePool() : startPool(workers);
}
