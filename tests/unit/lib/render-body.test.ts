import { describe, expect, it } from 'vitest';
import { renderBody } from '../../../src/lib/render-body.ts';

const context = {
  today: '2026-11-24',
  frontMatter: {
    action_items: [
      { title: 'Add an expiry alert', owner: 'ops', due: '2025-04-01', status: 'open', ticket: 'OPS-1' },
      { title: 'Document the renewal', owner: 'ops', due: '2025-04-01', status: 'done' },
    ],
  },
};
const render = (body: string) => renderBody(body, context);
const problems = (body: string) => render(body).problems.map((p) => `${p.line}:${p.column} ${p.message}`);

describe('rendering a document body', () => {
  it('renders Markdown and GFM with heading ids and self-links', () => {
    const { html, headings } = render('## Root cause\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n~~old~~');
    expect(headings).toEqual([{ depth: 2, slug: 'root-cause', text: 'Root cause' }]);
    expect(html).toContain('<h2 id="root-cause">Root cause<a class="heading-anchor" href="#root-cause"');
    expect(html).toContain('<table>');
    expect(html).toContain('<del>old</del>');
  });

  it('renders each content component to HTML', () => {
    const { html, problems } = render(
      [
        '<Callout type="danger" title="Data loss">\n\nNever run this on **primary**.\n\n</Callout>',
        '<Steps>\n\n1. Drain\n2. Restart\n\n</Steps>',
        '<Checklist>\n\n- Backups verified\n\n</Checklist>',
        '<Timeline>\n<Event time="2025-03-27T09:14:00Z">Alert fired</Event>\n<Event time="Week 2">Review</Event>\n</Timeline>',
        '<Decision title="Roll back" status="accepted" date="2025-03-27">\n\nFaster than a fix.\n\n</Decision>',
        '<KeyFigure label="Time to resolve" value="2 h 14 min" note="SLA 4 h" />',
        '<ActionItems />',
      ].join('\n\n'),
    );
    expect(problems).toEqual([]);
    expect(html).toContain('<aside class="callout callout-danger" role="alert"><p class="callout-title"><span class="callout-kind">Danger:</span> Data loss</p><p>Never run this on <strong>primary</strong>.</p></aside>');
    expect(html).toContain('<div class="steps"><ol>');
    expect(html).toContain('<div class="checklist"><ul>');
    expect(html).toContain('<li class="timeline-event"><time datetime="2025-03-27T09:14:00Z">27 Mar 2025, 09:14 UTC</time> <div class="timeline-body">Alert fired</div></li>');
    expect(html).toContain('<span class="timeline-time">Week 2</span>');
    expect(html).toContain('<span class="badge badge-accepted">accepted</span> <strong>Roll back</strong>');
    expect(html).toContain('<span class="key-figure-value">2 h 14 min</span> <span class="key-figure-label">Time to resolve</span> <span class="key-figure-note">SLA 4 h</span>');
    expect(html).toMatch(/<tr class="overdue"><td>Add an expiry alert<\/td>.*badge-overdue/);
    expect(html).toContain('<tr class=""><td>Document the renewal</td>');
  });

  it('keeps literal attribute expressions and drops MDX comments', () => {
    const { html, problems } = render('<KeyFigure label="Orders" value={1200} />\n\n{/* reviewer note */}\n\nText');
    expect(problems).toEqual([]);
    expect(html).toContain('<span class="key-figure-value">1200</span>');
    expect(html).not.toContain('reviewer note');
  });

  it('refuses everything that could run code, with its position', () => {
    expect(problems('import X from "./x.js"\nexport const y = 1\n\nText')).toMatchInlineSnapshot(`
      [
        "1:1 import and export are not allowed in content: the site supplies every component, so remove this line",
      ]
    `);
    expect(problems('Key: {process.env.AWS_SECRET_ACCESS_KEY}')).toMatchInlineSnapshot(`
      [
        "1:6 JavaScript expressions \`{…}\` are not allowed in content; to show a brace write \`\\{\`",
      ]
    `);
    expect(problems('<script>fetch("//evil")</script>\n\n<style>{"body{}"}</style>\n\n<iframe src="https://x" />')).toMatchInlineSnapshot(`
      [
        "1:1 <script> is not allowed in content: documents cannot embed scripts, styles, frames or forms",
        "3:1 <style> is not allowed in content: documents cannot embed scripts, styles, frames or forms",
        "3:8 JavaScript expressions \`{…}\` are not allowed in content; to show a brace write \`\\{\`",
        "5:1 <iframe> is not allowed in content: documents cannot embed scripts, styles, frames or forms",
      ]
    `);
    expect(problems('<Callout onClick="steal()" title={document.cookie}>x</Callout>')).toMatchInlineSnapshot(`
      [
        "1:1 event-handler attribute onClick is not allowed on <Callout>: content cannot run scripts",
        "1:1 attribute title on <Callout> must be a plain value such as title="text", not a JavaScript expression",
      ]
    `);
    expect(problems('[click](javascript:alert(1)) ![x](JaVaScRiPt:alert(2)) <abbr title="x" onmouseover="y">a</abbr>')).toMatchInlineSnapshot(`
      [
        "1:1 the link "javascript:alert(1)" uses a scheme that can run code; use an https: link",
        "1:30 the link "JaVaScRiPt:alert(2)" uses a scheme that can run code; use an https: link",
        "1:56 event-handler attribute onmouseover is not allowed on <abbr>: content cannot run scripts",
      ]
    `);
    expect(problems('<Callout {...props}>x</Callout>')).toMatchInlineSnapshot(`
      [
        "1:1 spread attributes \`{…}\` are not allowed on <Callout>; write each attribute as name="value"",
      ]
    `);
  });

  it('names unknown components and attributes with a suggestion', () => {
    expect(problems('<Callot type="note">x</Callot>\n\n<Callout type="caution">y</Callout>\n\n<KeyFigure label="x" />\n\n<Steps start="3">z</Steps>')).toMatchInlineSnapshot(`
      [
        "1:1 unknown component <Callot>; did you mean "Callout"?",
        "3:1 <Callout type="caution"> is not allowed; use one of: note, tip, warning, danger",
        "5:1 <KeyFigure> needs a value="…" attribute",
        "7:1 <Steps> has no attribute start; it takes none",
      ]
    `);
  });

  it('explains MDX syntax errors authors meet most', () => {
    expect(problems('See <https://example.org> for more.')).toMatchInlineSnapshot(`
      [
        "1:12 MDX syntax: Unexpected character \`/\` (U+002F) before local name, expected a character that can start a name, such as a letter, \`$\`, or \`_\`; a bare < starts a tag in MDX: write \\< for a literal <, and [text](https://…) instead of <https://…>",
      ]
    `);
    expect(problems('Costs {about 5')).toMatchInlineSnapshot(`
      [
        "1:15 MDX syntax: Unexpected end of file in expression, expected a corresponding closing brace for \`{\`; a bare { starts an expression in MDX: write \\{ for a literal brace",
      ]
    `);
    expect(problems('<Callout>\n\nunclosed')).toMatchInlineSnapshot(`
      [
        "1:1 MDX syntax: Expected a closing tag for \`<Callout>\` (1:1-1:10); close every component, e.g. </Callout>, and self-close tags without content, e.g. <br />",
      ]
    `);
  });

  it('links a project ID that runs into the next word, and reports one that matches nothing', () => {
    const idIndex = new Map([['PRJ-sso-rollout', { id: 'PRJ-sso-rollout', collection: 'projects' as const, title: 'SSO rollout', url: '/projects/sso-rollout/', visible: true, visibility: 'internal' as const }]]);
    const linked = renderBody('The PRJ-sso-rollout-era changes.', context, { idIndex });
    expect(linked.html).toContain('<a href="/projects/sso-rollout/" title="SSO rollout" class="id-link">PRJ-sso-rollout</a>-era changes');
    expect(linked.mentions).toEqual(['PRJ-sso-rollout']);
    expect(renderBody('See PRJ-nope-x.', context, { idIndex }).problems).toEqual([{ line: 1, column: 5, message: 'unknown project PRJ-nope-x; no project has that ID' }]);
  });
});
