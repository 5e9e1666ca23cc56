'use strict';

const MAX_BODY_LENGTH = 200;

function escapeHtml(text) {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function authorName(author) {
  if (typeof author !== 'string') {
    return 'Anonymous';
  }
  const trimmed = author.trim();
  if (trimmed === '') {
    return 'Anonymous';
  }
  return trimmed;
}

function bodyText(body) {
  if (typeof body !== 'string') {
    return '';
  }
  if (body.length > MAX_BODY_LENGTH) {
    return body.slice(0, MAX_BODY_LENGTH) + '\u2026';
  }
  return body;
}

function renderComment(comment) {
  if (comment === null || comment === undefined) {
    comment = {};
  }
  const author = escapeHtml(authorName(comment.author));
  const body = escapeHtml(bodyText(comment.body));
  return '<div class="comment"><b>' + author + '</b>: ' + body + '</div>';
}

module.exports = { renderComment };
