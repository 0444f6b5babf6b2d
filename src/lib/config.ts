import { today } from './dates.ts';
import type { LoadOptions } from './knowledge-base.ts';

/**
 * Where content lives and what day it is, from the environment: `CAIRN_CONTENT_DIR`
 * (default `content`) lets tests build a fixture knowledge base; `CAIRN_TODAY` pins the date.
 */
export function loadOptionsFromEnv(root = process.cwd()): LoadOptions {
  return { root, contentDir: process.env.CAIRN_CONTENT_DIR ?? 'content', today: today() };
}
