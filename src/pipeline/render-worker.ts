// A worker thread of the render pool: renders chunks of documents with the build's settings.
import { parentPort, workerData } from 'node:worker_threads';
import { documentRenderer, type RenderJob, type RenderSettings } from './render-document.ts';

const render = documentRenderer(workerData as RenderSettings);
parentPort!.on('message', ({ chunk, jobs }: { chunk: number; jobs: RenderJob[] }) => {
  parentPort!.postMessage({ chunk, renders: jobs.map(render) });
});
