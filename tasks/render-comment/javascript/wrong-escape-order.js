function escapeHtml(str) {
  return str
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/&/g, '&amp;');
}

function renderComment(comment) {
  if (!comment) comment = {};
  const author = comment.author && comment.author.trim() ? comment.author.trim() : 'Anonymous';
  let body = comment.body || '';
  if (body.length > 200) body = body.substring(0, 200) + '…';
  return `<div class="comment"><b>${escapeHtml(author)}</b>: ${escapeHtml(body)}</div>`;
}

module.exports = { renderComment };
