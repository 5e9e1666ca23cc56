const ESCAPES = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(str) {
  return str.replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}

function renderComment(comment) {
  const { author, body } = comment || {};

  const name = typeof author === 'string' && author.trim() !== '' ? author.trim() : 'Anonymous';

  let text = typeof body === 'string' ? body : '';
  if (text.length >= 200) {
    text = text.slice(0, 200) + '…';
  }

  return '<div class="comment"><b>' + escapeHtml(name) + '</b>: ' + escapeHtml(text) + '</div>';
}

module.exports = { renderComment };
