const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]);
}

function renderComment(comment) {
  const { author, body } = comment || {};
  const name = typeof author === 'string' && author.trim() !== '' ? author.trim() : 'Anonymous';
  let text = typeof body === 'string' ? body : '';
  if (text.length > 200) {
    text = text.slice(0, 200) + '\u2026';
  }
  return `<div class="comment"><b>${escapeHtml(name)}</b>: ${escapeHtml(text)}</div>`;
}

module.exports = { renderComment };
