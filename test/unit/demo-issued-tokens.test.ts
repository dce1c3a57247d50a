/** The demo accepts a token it issued through TokenRequest only until the token expires. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isIssuedToken, type IssuedTokens } from '../../src/demo/server/token-request.ts';

test('an issued token is accepted until it expires, then forgotten; an unknown one never is', () => {
  const issued: IssuedTokens = new Map([
    ['fresh', Date.now() + 60_000],
    ['stale', Date.now() - 1],
  ]);
  assert.equal(isIssuedToken(issued, 'fresh'), true);
  assert.equal(isIssuedToken(issued, 'stale'), false);
  assert.equal(issued.has('stale'), false, 'an expired token is dropped');
  assert.equal(isIssuedToken(issued, 'made-up'), false);
});
