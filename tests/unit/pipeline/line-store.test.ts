import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLineStore } from '../../../src/pipeline/line-store.ts';

const dirs: string[] = [];
const storePath = () => {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-line-store-'));
  dirs.push(dir);
  return join(dir, 'store');
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('a line store', () => {
  it('keeps what a run read or wrote, and drops the rest', () => {
    const path = storePath();
    const first = openLineStore(path);
    first.set('a', '{"x":1}');
    first.set('b', 'tab\tinside, ünïcode');
    first.set('c', '');
    expect(first.save()).toEqual({ dropped: false });

    const second = openLineStore(path);
    expect(second.has('a')).toBe(true);
    expect(second.get('b')).toBe('tab\tinside, ünïcode');
    expect(second.get('c')).toBe('');
    expect(second.get('missing')).toBeUndefined();
    second.set('d', '4');
    expect([...second.keys()].sort()).toEqual(['b', 'c', 'd']);
    expect(second.save()).toEqual({ dropped: true }); // a was neither read nor written

    const third = openLineStore(path);
    expect(['a', 'b', 'c', 'd'].map((k) => third.get(k))).toEqual([undefined, 'tab\tinside, ünïcode', '', '4']);
  });

  it('writes nothing when the file would come out the same', () => {
    const path = storePath();
    const first = openLineStore(path);
    first.set('a', '1');
    first.set('b', '2');
    first.save();
    const written = statSync(path).ino;
    const again = openLineStore(path);
    again.get('a');
    again.set('b', '2'); // the same value
    expect(again.save()).toEqual({ dropped: false });
    expect(statSync(path).ino).toBe(written);
    const changed = openLineStore(path);
    changed.get('a');
    changed.set('b', '3');
    changed.save();
    expect(statSync(path).ino).not.toBe(written);
    expect(readFileSync(path, 'utf8')).toBe('a\t1\nb\t3\n');
  });

  it('skips lines it cannot read, and a missing file is an empty store', () => {
    const path = storePath();
    expect(openLineStore(path).get('a')).toBeUndefined();
    writeFileSync(path, 'no tab here\n\tno key\nk\tv\ntruncated\tlast');
    const store = openLineStore(path);
    expect([store.get('k'), store.get('truncated'), store.has('no tab here'), store.has('')]).toEqual(['v', 'last', false, false]);
  });
});
