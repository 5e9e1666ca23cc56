function renderComment(comment) {
  const author = (comment && comment.author) || 'Anonymous';
  let body = (comment && comment.body) || '';
  if (body.length > 200) {
    body = body.slice(0, 200) + '…';
  }
  const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<div class="comment"><b>${escape(author)}</b>: ${escape(body)}</div>`;
}

module.exports = { renderComment };
