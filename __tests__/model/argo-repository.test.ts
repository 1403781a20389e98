import { describe, expect, it } from '@jest/globals';
import { normalizeGitUrl } from '../../src/model/argo-repository.js';

describe('normalizeGitUrl', () => {
  it.each([
    ['https://github.com/org/repo.git', 'github.com/org/repo'],
    ['https://GitHub.com/org/repo/', 'github.com/org/repo'],
    ['https://user@github.com:443/org/repo.git/', 'github.com/org/repo'],
    ['http://github.com/org/repo', 'github.com/org/repo'],
    ['git@github.com:org/repo.git', 'github.com/org/repo'],
    ['ssh://git@GITHUB.com:22/org/repo.git', 'github.com/org/repo'],
    ['https://dev.azure.com/org/project/_git/Repo', 'dev.azure.com/org/project/_git/Repo'],
  ])('%s is %s', (url, expected) => {
    expect(normalizeGitUrl(url)).toBe(expected);
  });

  it.each([[undefined], [''], ['${ARGOCD_ENV_REPO}'], ['https://github.com/'], ['{{ .repo }}']])(
    '%s is not a URL',
    (url) => {
      expect(normalizeGitUrl(url)).toBeUndefined();
    },
  );
});
