  // Tapping a region fills the next empty row (or clears the row that holds it) and marks the region.
  (function () {
    function rows() { return Array.from(document.querySelectorAll('.area-row')); }
    function rowFor(el) {
      return rows().find(function (r) {
        return r.querySelector('.a-leg').value === el.dataset.leg && r.querySelector('.a-region').value === el.dataset.region
          && r.querySelector('.a-aspect').value === el.dataset.aspect;
      });
    }
    function toggle(el) {
      var row = rowFor(el);
      if (row) {
        row.querySelectorAll('select').forEach(function (s) { s.value = ''; });
        el.classList.remove('marked');
        return;
      }
      var free = rows().find(function (r) { return !r.querySelector('.a-leg').value; });
      if (!free) { return; }
      free.querySelector('.a-leg').value = el.dataset.leg;
      free.querySelector('.a-region').value = el.dataset.region;
      free.querySelector('.a-aspect').value = el.dataset.aspect;
      el.classList.add('marked');
      free.querySelectorAll('select')[3].focus();
    }
    document.querySelectorAll('.legmap.interactive .region').forEach(function (el) {
      if (rowFor(el)) { el.classList.add('marked'); }
      el.addEventListener('click', function () { toggle(el); });
      el.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); toggle(el); } });
    });
  })();
