function escapeHtml(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function renderComment(comment) {
  comment = comment || {};
  const author = typeof comment.author === 'string' && comment.author.trim() ? comment.author.trim() : 'Anonymous';
  let body = escapeHtml(typeof comment.body === 'string' ? comment.body : '');
  if (body.length > 200) {
    body = body.slice(0, 200) + '…';
  }
  return '<div class="comment"><b>' + escapeHtml(author) + '</b>: ' + body + '</div>';
}

module.exports = { renderComment };
