import { describe, expect, it } from 'vitest';
import { renderBody } from '../../../src/pipeline/render-body.ts';
import { ticketLinker } from '../../../src/lib/tickets.ts';

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
    expect(html).toContain(
      '<aside class="callout callout-danger" role="alert"><p class="callout-title"><span class="callout-kind">Danger:</span> Data loss</p><p>Never run this on <strong>primary</strong>.</p></aside>',
    );
    expect(html).toContain('<div class="steps"><ol>');
    expect(html).toContain('<div class="checklist"><ul>');
    expect(html).toContain('<li class="timeline-event"><time datetime="2025-03-27T09:14:00Z">27 Mar 2025, 09:14 UTC</time> <div class="timeline-body">Alert fired</div></li>');
    expect(html).toContain('<span class="timeline-time">Week 2</span>');
    expect(html).toContain('<span class="badge badge-accepted">accepted</span> <strong>Roll back</strong>');
    expect(html).toContain('<span class="key-figure-value">2 h 14 min</span> <span class="key-figure-label">Time to resolve</span> <span class="key-figure-note">SLA 4 h</span>');
    expect(html).toMatch(/<tr class="overdue"><th scope="row">Add an expiry alert<\/th>.*badge-overdue/);
    expect(html).toContain('<tr class=""><th scope="row">Document the renewal</th>');
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
        "1:1 MDX syntax: Expected a closing tag for \`<Callout>\`; close every component, e.g. </Callout>, and self-close tags without content, e.g. <br />",
      ]
    `);
  });

  it('links a project ID that runs into the next word, and reports one that matches nothing', () => {
    const idIndex = new Map([
      ['PRJ-sso-rollout', { id: 'PRJ-sso-rollout', collection: 'projects' as const, title: 'SSO rollout', url: '/projects/sso-rollout/', visible: true, visibility: 'internal' as const }],
    ]);
    const linked = renderBody('The PRJ-sso-rollout-era changes.', context, { idIndex });
    expect(linked.html).toContain('<a href="/projects/sso-rollout/" title="SSO rollout" class="id-link">PRJ-sso-rollout</a>-era changes');
    expect(linked.mentions).toEqual(['PRJ-sso-rollout']);
    expect(renderBody('See PRJ-nope-x.', context, { idIndex }).problems).toEqual([{ line: 1, column: 5, message: 'unknown project PRJ-nope-x; no project has that ID' }]);
  });

  it('without words, gives every other part of the render as it is, problems included', () => {
    const idIndex = new Map([
      ['RB-0042', { id: 'RB-0042', collection: 'runbooks' as const, title: 'Rotate the VPN certificate', url: '/runbooks/vpn/', visible: true, visibility: 'internal' as const }],
    ]);
    const tickets = ticketLinker([{ name: 'Jira', pattern: '[A-Z]{2,}-\\d+', url: 'https://jira.example.com/browse/{key}' }]);
    const bodies = [
      '## Rotate\n\nFollow RB-0042 (OPS-7), then [the queue](/runbooks/vpn/#rotate).\n\n<Callout type="warning">\n\nCheck first.\n\n</Callout>',
      'See RB-0404 and <script>alert(1)</script>.',
      '<Callout type="warning">\nNever closed.\n',
      '## Restart\n\n```bash\nsystemctl restart billing-worker # see RB-0042\n```\n',
    ];
    for (const body of bodies) {
      const full = renderBody(body, { ...context, ticketUrl: tickets.url }, { idIndex, tickets });
      const bare = renderBody(body, { ...context, ticketUrl: tickets.url }, { idIndex, tickets, words: false });
      expect(bare).toEqual({ ...full, html: '', words: { words: '', counts: [] }, terms: { words: '', counts: [] } });
    }
    expect(renderBody(bodies[0]!, context, { idIndex, tickets }).headings.length).toBe(1);
  });

  it('links IDs and ticket keys that only appear once character references and escapes are decoded', () => {
    const idIndex = new Map([
      ['RB-0042', { id: 'RB-0042', collection: 'runbooks' as const, title: 'Rotate the VPN certificate', url: '/runbooks/vpn/', visible: true, visibility: 'internal' as const }],
    ]);
    const tickets = ticketLinker([{ name: 'Jira', pattern: '[A-Z]{2,}-\\d+', url: 'https://jira.example.com/browse/{key}' }]);
    for (const body of ['Run &#82;B-0042 first (OPS&#45;7).', 'Run RB\\-0042 first (OPS\\-7).']) {
      const { html, mentions, tickets: keys } = renderBody(body, { ...context, ticketUrl: tickets.url }, { idIndex, tickets });
      expect(mentions).toEqual(['RB-0042']);
      expect(keys).toEqual(['OPS-7']);
      expect(html).toContain('class="id-link">RB-0042</a>');
    }
    // Neither in the source: no walk, and nothing found.
    expect(renderBody('Nothing to link here.', context, { idIndex, tickets })).toMatchObject({ mentions: [], tickets: [] });
  });
});

describe('limits on one body', () => {
  const rows = (count: number) => `| host | role |\n| - | - |\n${Array.from({ length: count }, (_, i) => `| web-${i} | app |`).join('\n')}\n`;
  const nestedList = (levels: number) => Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n');
  const nestedCallouts = (levels: number) => `${'<Callout>\n\n'.repeat(levels)}deep\n\n${'</Callout>\n\n'.repeat(levels)}`;

  it('refuses a table past 2,000 rows at its header, at once', () => {
    expect(problems(`Intro.\n\n${rows(2_001)}`)).toMatchInlineSnapshot(`
      [
        "3:1 table has 2,001 rows; the limit is 2,000 per table so pages stay readable and builds fast; split it or link to a CSV attachment",
      ]
    `);
    const started = performance.now();
    expect(problems(rows(80_000))).toMatchInlineSnapshot(`
      [
        "1:1 the body is 1,552 KB; the limit is 128 KB per document so pages stay readable and builds fast; split it into several documents and link them by ID",
        "1:1 table has 80,000 rows; the limit is 2,000 per table so pages stay readable and builds fast; split it or link to a CSV attachment",
      ]
    `);
    expect(performance.now() - started).toBeLessThan(2_000); // 25 s and 1.7 GB before the limit
  });

  it('renders a table of 2,000 rows', () => {
    const { html, problems } = render(rows(2_000));
    expect(problems).toEqual([]);
    expect(html.match(/<tr>/g)).toHaveLength(2_001);
  });

  it('refuses lists and quotes nested past 32 levels before parsing them', () => {
    expect(problems(`Intro.\n\n${nestedList(1_000)}`)).toMatchInlineSnapshot(`
      [
        "1:1 the body is 988 KB; the limit is 128 KB per document so pages stay readable and builds fast; split it into several documents and link them by ID",
        "35:1 lists and quotes are nested more than 32 levels deep here (each > or list marker at the start of a line opens one); the limit is 32 so pages stay readable and builds fast; flatten the structure, e.g. with headings or shorter lists",
      ]
    `);
    expect(problems(`${'>'.repeat(10_000)} deep`)).toMatchInlineSnapshot(`
      [
        "1:1 lists and quotes are nested more than 32 levels deep here (each > or list marker at the start of a line opens one); the limit is 32 so pages stay readable and builds fast; flatten the structure, e.g. with headings or shorter lists",
      ]
    `);
    expect(problems(`${'> - '.repeat(5_000)}deep`)).toMatchInlineSnapshot(`
      [
        "1:1 lists and quotes are nested more than 32 levels deep here (each > or list marker at the start of a line opens one); the limit is 32 so pages stay readable and builds fast; flatten the structure, e.g. with headings or shorter lists",
      ]
    `);
    expect(problems(`${'- '.repeat(5_000)}deep`)).toMatchInlineSnapshot(`
      [
        "1:1 lists and quotes are nested more than 32 levels deep here (each > or list marker at the start of a line opens one); the limit is 32 so pages stay readable and builds fast; flatten the structure, e.g. with headings or shorter lists",
      ]
    `);
  });

  it('renders lists, quotes and components 32 levels deep', () => {
    for (const body of [nestedList(32), `${'>'.repeat(32)} deep`, nestedCallouts(32)]) {
      const { html, problems } = render(body);
      expect(problems).toEqual([]);
      expect(html).toMatch(/level 32|deep/);
    }
  });

  it('refuses components nested past 32 levels at the tag that goes past', () => {
    expect(problems(nestedCallouts(5_000))).toMatchInlineSnapshot(`
      [
        "65:1 components and HTML tags are nested more than 32 levels deep here, counting each <tag> not yet closed by its </tag>; the limit is 32 so pages stay readable and builds fast; close every tag, e.g. <p>…</p>, self-close tags without content, e.g. <br />, and do not nest components further",
      ]
    `);
    expect(problems(`Text ${'<abbr>'.repeat(10_000)}x${'</abbr>'.repeat(10_000)}`)).toMatchInlineSnapshot(`
      [
        "1:198 components and HTML tags are nested more than 32 levels deep here, counting each <tag> not yet closed by its </tag>; the limit is 32 so pages stay readable and builds fast; close every tag, e.g. <p>…</p>, self-close tags without content, e.g. <br />, and do not nest components further",
      ]
    `);
  });

  it('does not count tags and marks in code as nesting', () => {
    const code = Array.from({ length: 60 }, (_, i) => `kubectl logs <pod-name-${i}> | grep '*_[' # <container>`).join('\n');
    const body = `Run:\n\n\`\`\`sh\n${code}\n\`\`\`\n\nThen \`<pod-name>\` and \`<node>\` again.`;
    expect(problems(body)).toEqual([]);
  });

  it('refuses emphasis nested past 32 levels, and paragraphs with more than 300 marks', () => {
    expect(problems(`${'*a '.repeat(40)}x${' a*'.repeat(40)}`)).toMatchInlineSnapshot(`
      [
        "1:97 lists, quotes, components and emphasis are nested more than 32 levels deep here; the limit is 32 so pages stay readable and builds fast; flatten the structure, e.g. with headings or shorter lists",
      ]
    `);
    const started = performance.now();
    expect(problems(`Fine.\n\n${'*a '.repeat(4_000)}x${' a*'.repeat(4_000)}`)).toMatchInlineSnapshot(`
      [
        "3:1 this paragraph has 8,000 emphasis and link marks (*, _ and [); the limit is 300 per paragraph, as nested marks make the parser slow down sharply; split it with blank lines, or write literal text \`in code\` or with \\* \\_ \\[",
      ]
    `);
    expect(performance.now() - started).toBeLessThan(1_000); // 21 s before the limit
  });

  it('refuses a body past 128 KB, and one with more than 50,000 elements', () => {
    expect(problems('A sentence of prose that goes on.\n\n'.repeat(5_000))).toMatchInlineSnapshot(`
      [
        "1:1 the body is 171 KB; the limit is 128 KB per document so pages stay readable and builds fast; split it into several documents and link them by ID",
      ]
    `);
    expect(problems('a\n\n'.repeat(26_000))).toMatchInlineSnapshot(`
      [
        "49999:1 the body has more than 50,000 elements (paragraphs, list items, table cells, links and the text between them) by here; the limit is 50,000 per document so pages stay readable and builds fast; split it into several documents",
      ]
    `);
  });

  it('explains a body too deep for the parser even when it slips past the checks before parsing', () => {
    // A comment holding a fence line hides what follows from the scan of tags, not from the parser.
    const deep = `{/*\n\`\`\`\n*/}\n\n${'<abbr>'.repeat(9_000)}x${'</abbr>'.repeat(9_000)}`;
    // Parsed, then caught by the limits on the tree, at the place it goes too deep…
    expect(problems(deep)).toMatchInlineSnapshot(`
      [
        "5:193 lists, quotes, components and emphasis are nested more than 32 levels deep here; the limit is 32 so pages stay readable and builds fast; flatten the structure, e.g. with headings or shorter lists",
      ]
    `);
    // …or, when an email address makes the parser walk its tree for literal links, the walk
    // runs out of stack before those limits are checked.
    expect(problems(`Write to ops@example.com.\n\n${deep}`)).toMatchInlineSnapshot(`
      [
        "1:1 the body is nested too deeply to render; keep lists, quotes, components and emphasis within 32 levels of one another",
      ]
    `);
  });
});

describe('positions of syntax problems', () => {
  it('puts an unclosed component at its opening tag', () => {
    const problems = renderBody('\nSome text.\n\n<Callout type="warning">\nNever closed.\n\nMore.\n', { frontMatter: {}, today: '2026-01-01' }).problems;
    expect(problems).toEqual([{ line: 4, column: 1, message: expect.stringMatching(/^MDX syntax: Expected a closing tag for `<Callout>`; close every component/) }]);
  });
});

describe('code blocks', () => {
  it('highlights a fenced language with classes only, labels it and offers a copy button', async () => {
    const { html } = render(['```sql', "SELECT count(*) FROM pg_stat_activity WHERE state = 'idle'; -- idle connections", '```', '', '```', 'plain text, no language', '```'].join('\n'));
    expect(html).toContain('<span class="code-language">SQL</span>');
    expect(html).toMatch(/<span class="hljs-keyword">SELECT<\/span>/);
    expect(html).toMatch(/<span class="hljs-string">'idle'<\/span>/);
    expect(html).toMatch(/<span class="hljs-comment">-- idle connections<\/span>/);
    expect(html).not.toMatch(/style=/); // the CSP allows no inline styles
    expect(html.match(/<button type="button" class="copy-code" hidden>Copy<\/button>/g)).toHaveLength(2);
    expect(html).toContain('<pre tabindex="0" role="region" aria-label="code"><code>plain text, no language');
  });
});
