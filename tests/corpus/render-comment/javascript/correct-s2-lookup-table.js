const ENTITIES = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

const escape = (s) => s.replace(/[&<>"']/g, (ch) => ENTITIES[ch]);

const LIMIT = 200;

const renderComment = (comment) => {
  const { author, body } = comment ?? {};
  const name = (typeof author === 'string' && author.trim()) || 'Anonymous';
  let text = typeof body === 'string' ? body : '';
  if (text.length > LIMIT) {
    text = `${text.substring(0, LIMIT)}…`;
  }
  return `<div class="comment"><b>${escape(name)}</b>: ${escape(text)}</div>`;
};

module.exports = { renderComment };
