'use strict';
// The login page's one script: says why the operator is here again (a wrong token, a logout, an expired session).
document.addEventListener('DOMContentLoaded', () => {
  const params = new URLSearchParams(location.search);
  const message = document.getElementById('message');
  let text = null;
  if (params.has('error')) {
    text = 'That is not the operator token.';
    message.classList.add('error');
  } else if (params.has('logout')) {
    text = 'Logged out.';
  }
  if (text) {
    message.textContent = text;
    message.hidden = false;
  }
});
