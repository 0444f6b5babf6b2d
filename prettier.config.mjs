// Formatting, settled once: the house style the code was already written in. Lines are wide
// because the code holds long messages for people and one-line table rows. Markdown, MDX,
// fixtures and .astro templates are never reformatted (.prettierignore); `npm test` checks the rest.
/** @type {import('prettier').Config} */
export default {
  singleQuote: true,
  printWidth: 200,
};
