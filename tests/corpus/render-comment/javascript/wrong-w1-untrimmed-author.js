// A stranger's almost-right solution (written blind from the prompt), one planted bug:
// Line 19 tests the untrimmed author for emptiness, so a whitespace-only author is trimmed to "" and not replaced with Anonymous.
const MAX_BODY_LENGTH = 200;

const HTML_ESCAPES = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]);
}

function renderComment(comment) {
  const c = comment || {};

  let author = "Anonymous";
  if (typeof c.author === "string" && c.author.length > 0) {
    author = c.author.trim();
  }

  let body = typeof c.body === "string" ? c.body : "";
  if (body.length > MAX_BODY_LENGTH) {
    body = body.slice(0, MAX_BODY_LENGTH) + "\u2026";
  }

  return `<div class="comment"><b>${escapeHtml(author)}</b>: ${escapeHtml(body)}</div>`;
}

module.exports = { renderComment };
