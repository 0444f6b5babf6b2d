import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importMarkdown } from '../../../../src/lib/import-markdown.ts';

const fixture = (path: string) => readFileSync(`tests/fixtures/import/${path}`, 'utf8');
const context = { ids: new Set<string>(), team: 'ops', service: 'billing', project: 'PRJ-billing-revamp', today: '2026-11-25', now: '2026-11-25T10:00:00Z' };
const body = (path: string, collection: 'runbooks' | 'guides' | 'playbooks' = 'guides') => {
  const doc = importMarkdown(fixture(path), path.split('/').pop()!, collection, context);
  return { ...doc, body: doc.text.slice(doc.text.indexOf('\n---\n', 4) + 5) };
};

describe('converting real Markdown to MDX', () => {
  it('turns MkDocs admonitions into Callouts, with their title and their whole indented body', () => {
    const { body: mdx } = body('pagerduty/docs/meeting.md', 'playbooks');
    expect(mdx).not.toMatch(/^!!! /m);
    expect(mdx).toContain('<Callout type="tip">\n  Send a link to the postmortem document to meeting attendees 24 hours before the meeting.');
    expect(mdx).toContain('This will help you avoid wasting time in the meeting simply reading through the document.');
    // From docs/how_to_write/writing.md of the same repository: the quoted title becomes the Callout's.
    const titled = importMarkdown(
      '!!! info "Key Takeaways"\n    * Stick to the facts.\n    * Include changes to incident status and impact.\n\nAfter the quote.\n',
      'writing.md',
      'playbooks',
      context,
    ).text;
    expect(titled).toContain('<Callout type="note" title="Key Takeaways">\n  - Stick to the facts.\n  - Include changes to incident status and impact.\n</Callout>\n\nAfter the quote.');
  });

  it('turns GitHub alerts into Callouts and keeps <sup> with its links as JSX the site allows', () => {
    const { body: mdx } = body('sourcegraph/communication/conflicts.md');
    expect(mdx).not.toContain('[!NOTE]');
    expect(mdx).toContain('<Callout type="note">\n  This page relates to interpersonal conflict related to work disagreements.');
    expect(mdx).toContain(
      'Nonviolent communication<sup>[1](http://www.citizenshandbook.org/nonviolent_communication.pdf), [2](https://www.nonviolentcommunication.com/pdf_files/4part_nvc_process.pdf)</sup> is a useful tool',
    );
  });

  it('turns an HTML table into a Markdown table', () => {
    const { body: mdx } = body('sourcegraph/policies/asset-management-policy.md');
    expect(mdx).not.toMatch(/<\/?t[rdh]\b/);
    expect(mdx).toMatch(/\| Version +\| Date +\| Comments +\| Author +\|/);
    expect(mdx).toMatch(/\| 1\.0 +\| 2022-03-15 +\| First Version +\| Nicky Van Maanen +\|/);
  });

  it('keeps the document whole after a <br/> alone on a line, and turns an iframe into a link', () => {
    const { body: mdx } = body('sourcegraph/editing/edit-a-single-file.md');
    expect(mdx).not.toMatch(/<iframe|<br\/>/);
    expect(mdx).toContain('(https://www.youtube-nocookie.com/embed/MsIGvw0IEzo)');
    expect(mdx).toMatch(/^### Steps:/m);
  });

  it('keeps <details> and <summary> as elements and drops {#id} attributes', () => {
    expect(body('prometheus/content/runbooks/node/NodeFilesystemSpaceFillingUp.md', 'runbooks').body).toContain('<details>\n  <summary>\n    Full context\n  </summary>');
    const oneToOne = body('sourcegraph/communication/1-1.md').body;
    expect(oneToOne).not.toMatch(/\{#/);
    expect(oneToOne).toContain('keep notes from the current meeting and a list of topics to discuss next time (which can be added to throughout the week).\n');
  });

  it('keeps placeholders written like tags as text and leaves out HTML comments', () => {
    const { body: mdx } = body('openshift/PersistentVolumeFillingUp.md', 'runbooks');
    expect(mdx).not.toContain('<!--');
    expect(mdx).toContain('$ oc exec -it <pod-name> -n <namespace> -- df -h /path/to/mount');
    expect(mdx).toContain('replacing `<my-namespace>` and `<my-pvc>` with your namespace');
  });

  it('accepts short real titles and takes the summary from the first paragraph, also inside a quote', () => {
    const ls = importMarkdown(fixture('tldr/common/ls.md'), 'ls.md', 'guides', context);
    expect(ls.text).toMatch(/^title: ls$/m);
    expect(ls.text).toMatch(/^summary: "List directory contents\. More information: https:/m);
  });
});

describe('GitHub alerts', () => {
  it('makes one Callout per alert when a quote holds several', () => {
    // From sourcegraph/handbook content/departments/technical-success/support/process/k8-migration.md (Apache-2.0).
    const source = '> [!WARNING] The new instance must be on the same version.\n>\n> [!NOTE] In some places you will see `$NAMESPACE` used.\n';
    const mdx = importMarkdown(source, 'k8-migration.md', 'guides', context).text;
    expect(mdx).toContain(
      '<Callout type="warning">\n  The new instance must be on the same version.\n</Callout>\n\n<Callout type="note">\n  In some places you will see `$NAMESPACE` used.\n</Callout>',
    );
  });
});

describe('images hosted elsewhere', () => {
  it('become links, since pages load nothing from the internet', () => {
    // From sourcegraph/handbook content/departments/people-talent/talent/tools/interview_training.md (Apache-2.0).
    const source =
      '![Image listing topics to avoid such as children, age, ethnicity](https://storage.googleapis.com/sourcegraph-assets/handbook/InterviewBasics/Sourcegraph%20Interview%20Training%20-%20Q2%20FY22%20%2813%29.png)\n';
    const mdx = importMarkdown(source, 'interview_training.md', 'guides', context).text;
    expect(mdx).toContain(
      '[Image: Image listing topics to avoid such as children, age, ethnicity](https://storage.googleapis.com/sourcegraph-assets/handbook/InterviewBasics/Sourcegraph%20Interview%20Training%20-%20Q2%20FY22%20%2813%29.png)',
    );
    expect(mdx).not.toContain('![');
  });
});
