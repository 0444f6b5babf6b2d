import { isAudience, type Audience } from './audience.ts';
import { today } from './dates.ts';
import type { LoadOptions } from './knowledge-model.ts';

/** `CAIRN_AUDIENCE`: public, internal (default) or restricted. */
export function audienceFromEnv(): Audience {
  const value = process.env.CAIRN_AUDIENCE ?? 'internal';
  if (!isAudience(value)) throw new Error(`CAIRN_AUDIENCE=${value} is not an audience; use public, internal or restricted`);
  return value;
}

/**
 * Where content lives, who the build is for and what day it is, from the environment:
 * `CAIRN_CONTENT_DIR` (default `content`) lets tests build a fixture knowledge base;
 * `CAIRN_AUDIENCE` decides which documents the build may contain; `CAIRN_TODAY` pins the date.
 */
export function loadOptionsFromEnv(root = process.cwd()): LoadOptions {
  return { root, contentDir: process.env.CAIRN_CONTENT_DIR ?? 'content', today: today(), audience: audienceFromEnv() };
}
