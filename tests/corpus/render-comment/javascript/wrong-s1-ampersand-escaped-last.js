'use strict';

const MAX_BODY_LENGTH = 200;

function escapeHtml(text) {
  return text
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/&/g, '&amp;');
}

function renderComment(comment) {
  const c = comment == null ? {} : comment;

  let author = typeof c.author === 'string' ? c.author.trim() : '';
  if (author === '') {
    author = 'Anonymous';
  }

  let body = typeof c.body === 'string' ? c.body : '';
  if (body.length > MAX_BODY_LENGTH) {
    body = body.slice(0, MAX_BODY_LENGTH) + '\u2026';
  }

  return `<div class="comment"><b>${escapeHtml(author)}</b>: ${escapeHtml(body)}</div>`;
}

module.exports = { renderComment };
