// A worker thread of the render pool: validates front matter, then renders bodies with the build's settings.
import { parentPort } from 'node:worker_threads';
import { documentRenderer, type DocumentRender, type RenderJob, type RenderSettings } from './render-document.ts';
import { validFrontMatter, type FrontMatterJob } from './valid-front-matter.ts';

export type WorkerRequest = { kind: 'settings'; settings: RenderSettings } | { kind: 'validate'; chunk: number; jobs: FrontMatterJob[] } | { kind: 'render'; chunk: number; jobs: RenderJob[] };
export interface WorkerReply<R> {
  chunk: number;
  results: R[];
}

let render: ((job: RenderJob) => DocumentRender) | undefined;
parentPort?.on('message', (request: WorkerRequest) => {
  if (request.kind === 'settings') render = documentRenderer(request.settings);
  else if (request.kind === 'validate') parentPort!.postMessage({ chunk: request.chunk, results: request.jobs.map(validFrontMatter) });
  else parentPort!.postMessage({ chunk: request.chunk, results: request.jobs.map(render!) });
});
