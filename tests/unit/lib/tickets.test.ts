import { describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../../src/lib/site-config.ts';
import { ticketLinker } from '../../../src/lib/tickets.ts';

const { config, problems } = loadSiteConfig(process.cwd());
const trackers = config.trackers;
const linker = ticketLinker(trackers);

describe('ticket keys', () => {
  it('reads the sample configuration', () => {
    expect(problems).toEqual([]);
    expect(trackers.map((t) => t.name)).toEqual(['Jira', 'ServiceNow', 'GitHub']);
  });

  it('finds keys of every tracker, and not document IDs or look-alikes', () => {
    expect(linker.find('See OPS-2231 and SD-40871, INC0012345 and kestrel-freight/cairn#12; not INC-2025-014, RB-0012, XOPS-1 or OPS-12a. OPS-2231 again.')).toEqual([
      'OPS-2231',
      'SD-40871',
      'INC0012345',
      'kestrel-freight/cairn#12',
    ]);
  });

  it('builds the URL of each key from its tracker template', () => {
    expect(linker.url('OPS-2231')).toBe('https://kestrel.atlassian.net/browse/OPS-2231');
    expect(linker.url('INC0012345')).toBe('https://kestrel.service-now.com/nav_to.do?uri=incident.do%3Fsysparm_query%3Dnumber%3DINC0012345');
    expect(linker.url('kestrel-freight/cairn#12')).toBe('https://github.com/kestrel-freight/cairn/issues/12');
    expect(linker.url('NOPE-1')).toBeUndefined();
  });
});
