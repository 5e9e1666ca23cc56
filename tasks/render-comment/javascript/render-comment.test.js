// Hidden tests for tasks/render-comment/javascript.yaml. The code under test is solution.js.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { renderComment } = require('./solution.js');

const wrap = (author, body) => `<div class="comment"><b>${author}</b>: ${body}</div>`;

test('plain comment', () => {
  assert.equal(renderComment({ author: 'Ada', body: 'Nice post' }), wrap('Ada', 'Nice post'));
});

test('escapes html in author and body', () => {
  assert.equal(
    renderComment({ author: '<img src=x onerror=alert(1)>', body: '<script>alert("x")</script>' }),
    wrap('&lt;img src=x onerror=alert(1)&gt;', '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'),
  );
});

test('escapes quotes', () => {
  assert.equal(renderComment({ author: "O'Brien", body: 'say "hi"' }), wrap('O&#39;Brien', 'say &quot;hi&quot;'));
});

test('no double escaping of ampersands', () => {
  assert.equal(renderComment({ author: 'Tom & Jerry', body: 'a < b && c > d; &amp; stays literal' }),
    wrap('Tom &amp; Jerry', 'a &lt; b &amp;&amp; c &gt; d; &amp;amp; stays literal'));
});

test('anonymous when author is missing or blank', () => {
  for (const author of [undefined, null, '', '   ', 42]) {
    assert.equal(renderComment({ author, body: 'hi' }), wrap('Anonymous', 'hi'), `author=${JSON.stringify(author)}`);
  }
  assert.equal(renderComment({ author: '  Grace  ', body: 'hi' }), wrap('Grace', 'hi'));
});

test('truncates long bodies to 200 characters', () => {
  const body = 'x'.repeat(250);
  assert.equal(renderComment({ author: 'A', body }), wrap('A', 'x'.repeat(200) + '\u2026'));
  assert.equal(renderComment({ author: 'A', body: 'y'.repeat(200) }), wrap('A', 'y'.repeat(200)));
});

test('truncates before escaping', () => {
  const body = '<'.repeat(210);
  assert.equal(renderComment({ author: 'A', body }), wrap('A', '&lt;'.repeat(200) + '\u2026'));
  const mixed = 'a'.repeat(198) + '&&&&';
  assert.equal(renderComment({ author: 'A', body: mixed }), wrap('A', 'a'.repeat(198) + '&amp;&amp;\u2026'));
});

test('null comment renders empty and anonymous', () => {
  assert.equal(renderComment(null), wrap('Anonymous', ''));
  assert.equal(renderComment(undefined), wrap('Anonymous', ''));
});

test('missing body renders empty', () => {
  assert.equal(renderComment({ author: 'Ada' }), wrap('Ada', ''));
  assert.equal(renderComment({ author: 'Ada', body: null }), wrap('Ada', ''));
  assert.equal(renderComment({ author: 'Ada', body: 12 }), wrap('Ada', ''));
});
