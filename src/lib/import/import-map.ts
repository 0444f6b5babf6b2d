import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

/** What one import wrote for one source file. */
export interface MappedDocument {
  id: string;
  /** The document's path inside the content folder. */
  file: string;
  /** Hash of the source file when it was imported: unchanged sources are not rewritten. */
  source: string;
  /** Hash of the file as written: a different hash now means a person has edited it. */
  written: string;
}

/**
 * `content/.import-map.json`: for every imported folder (by absolute path and collection), each
 * source path and the document it became. It is how a second import updates instead of
 * duplicating, and leaves alone what people have edited since.
 */
export interface ImportMap {
  version: 1;
  imports: Record<string, Record<string, MappedDocument>>;
}

/** The map's name inside the content folder. */
export const importMapFile = '.import-map.json';

export const hashOf = (text: string | Uint8Array) => createHash('sha256').update(text).digest('hex').slice(0, 16);

export function readImportMap(path: string): ImportMap {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, imports: {} };
    throw error;
  }
  const parsed = JSON.parse(text) as ImportMap;
  if (parsed?.version !== 1 || typeof parsed.imports !== 'object') throw new Error(`${path}: not an import map this version of Cairn knows; move it aside to import afresh`);
  return parsed;
}

export function writeImportMap(path: string, map: ImportMap): void {
  writeFileSync(path, `${JSON.stringify(map, null, 2)}\n`);
}

/** The key of one imported folder in the map. */
export const importKey = (collection: string, sourceRoot: string) => `${collection}:${sourceRoot}`;
