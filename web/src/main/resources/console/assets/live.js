// The console's live updates, shared by every page: each element with data-live="<fragment URL>" is replaced every
// data-every seconds (default 5) by the fragment the server renders for it, in the reader's language. The header's
// #live-status says when the page last updated, or since when the server has not answered.
(function () {
  'use strict';
  var status = document.getElementById('live-status');
  var parts = document.querySelectorAll('[data-live]');
  if (!parts.length) {
    return;
  }
  var zone = status ? status.getAttribute('data-zone') : null;
  var lang = document.documentElement.lang || 'en';
  function now() {
    try {
      return new Date().toLocaleTimeString(lang === 'zh' ? 'zh-CN' : 'en-GB', zone ? {timeZone: zone, hour12: false} : {hour12: false});
    } catch (e) {
      return new Date().toLocaleTimeString();
    }
  }
  function say(ok) {
    if (!status) {
      return;
    }
    if (ok) {
      status.textContent = status.getAttribute('data-updated').replace('{0}', now());
      status.className = 'live';
    } else if (status.className !== 'live lost') {
      status.textContent = status.getAttribute('data-lost').replace('{0}', now());
      status.className = 'live lost';
    }
  }
  function refresh(el) {
    var every = Math.max(1, parseInt(el.getAttribute('data-every') || '5', 10)) * 1000;
    fetch(el.getAttribute('data-live'), {credentials: 'same-origin', headers: {'Accept': 'text/html'}})
      .then(function (r) {
        // a redirect here is to the sign-in form: the session ended, which is as good as lost
        if (!r.ok || r.redirected) {
          throw new Error('HTTP ' + r.status);
        }
        return r.text();
      })
      .then(function (html) {
        el.innerHTML = html;
        el.dispatchEvent(new CustomEvent('steppe:updated', {bubbles: true}));
        say(true);
      }, function () {
        say(false);
      })
      .then(function () {
        setTimeout(function () { refresh(el); }, every);
      });
  }
  Array.prototype.forEach.call(parts, function (el) {
    var every = Math.max(1, parseInt(el.getAttribute('data-every') || '5', 10)) * 1000;
    setTimeout(function () { refresh(el); }, every);
  });
  say(true);
})();
