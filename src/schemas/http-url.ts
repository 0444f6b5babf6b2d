import * as z from 'zod';

/**
 * A web address that is safe to put in an `href`: only `https:` and `http:` are accepted.
 * zod's plain `z.url()` takes any scheme, so `javascript:alert(1)` would pass and run when
 * clicked. The value is kept as written, without surrounding spaces.
 */
export function httpUrl(example = 'https://example.com/page') {
  return z.url({ protocol: /^https?$/, error: `expected a web address starting with https:// (or http://), e.g. ${example}` });
}
