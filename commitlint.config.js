// Conventional commits (`type(scope): subject`), the header at most 72 characters, details in the body.
// `npm run lint:commits` checks every commit since this file was added; older history is left as it was.
export default {
  extends: ['@commitlint/config-conventional'],
  rules: {
    'header-max-length': [2, 'always', 72],
    // Subjects often start with a proper noun: AfterShip, USPS, SP-API, Amazon's report names.
    'subject-case': [0],
    // Bodies quote paths, commands and error messages that do not wrap: long lines only warn.
    'body-max-line-length': [1, 'always', 120],
    'footer-max-line-length': [1, 'always', 120],
  },
};
