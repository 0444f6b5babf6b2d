import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { documentRenderer, type DocumentRender, type RenderJob, type RenderSettings } from './render-document.ts';

/** Below this many renders, starting workers (about 0.3 s each) costs more than it saves. */
const minJobsForWorkers = 64;
/** Jobs per message: large enough to amortise messaging, small enough to balance the load. */
const chunkSize = 16;

/** How many renders may run at once: one per core, or `CAIRN_WORKERS`. */
export function defaultWorkers(): number {
  const asked = Number(process.env.CAIRN_WORKERS);
  return Number.isInteger(asked) && asked >= 1 ? asked : availableParallelism();
}

/**
 * Renders every job, in worker threads when there are enough of them. Each render is a pure
 * function of its job and the settings, so results do not depend on how many workers ran
 * or in which order chunks came back. `onRendered` is told the running count.
 */
export async function renderAll(jobs: readonly RenderJob[], settings: RenderSettings, workers = defaultWorkers(), onRendered?: (done: number) => void): Promise<DocumentRender[]> {
  if (workers <= 1 || jobs.length < minJobsForWorkers) {
    const render = documentRenderer(settings);
    return jobs.map((job, i) => {
      const result = render(job);
      onRendered?.(i + 1);
      return result;
    });
  }
  const results: DocumentRender[] = new Array(jobs.length);
  const chunks = Math.ceil(jobs.length / chunkSize);
  let next = 0;
  let done = 0;
  const pool = Array.from({ length: Math.min(workers, chunks) }, () => new Worker(new URL('./render-worker.ts', import.meta.url), { workerData: settings }));
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= chunks) return resolve();
              const chunk = next++;
              worker.postMessage({ chunk, jobs: jobs.slice(chunk * chunkSize, (chunk + 1) * chunkSize) });
            };
            worker.on('message', ({ chunk, renders }: { chunk: number; renders: DocumentRender[] }) => {
              renders.forEach((r, i) => (results[chunk * chunkSize + i] = r));
              done += renders.length;
              onRendered?.(done);
              send();
            });
            worker.once('error', reject);
            worker.once('exit', (code) => (next < chunks || code !== 0 ? reject(new Error(`a render worker stopped (exit ${code})`)) : undefined));
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return results;
}
