// The console's only script: htmx requests that change something carry the CSRF token from the
// page's meta tags, and the bulk-approve button says how many approvals are selected.
(function () {
  'use strict';

  document.addEventListener('htmx:configRequest', function (event) {
    var header = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    if (header && token && event.detail.verb !== 'get') {
      event.detail.headers[header.content] = token.content;
    }
  });

  function updateBulkButton() {
    var form = document.getElementById('bulk-form');
    if (!form) {
      return;
    }
    var button = form.querySelector('button.approve');
    var checked = form.querySelectorAll('input[name="selected"]:checked');
    button.disabled = checked.length === 0;
    button.textContent = checked.length > 0 ? 'Approve ' + checked.length + ' selected' : 'Approve selected';
  }

  document.addEventListener('change', function (event) {
    if (event.target && event.target.name === 'selected') {
      updateBulkButton();
    }
  });
  document.addEventListener('htmx:afterSwap', updateBulkButton);
  document.addEventListener('DOMContentLoaded', updateBulkButton);
})();
