  // Tapping the leg map marks a point, picks the mapped area there and, when asked, repeats the last injection.
  (function () {
    var status = document.getElementById('map-status');
    var areaSelect = document.getElementById('areaId');
    function setAll(name, value) {
      document.querySelectorAll('#inject-form [name=' + name + '], #repeat-form [name=' + name + ']')
        .forEach(function (i) { i.value = value; });
    }
    function areaFor(rect) {
      var options = Array.from(areaSelect.options).filter(function (o) {
        return o.dataset.leg === rect.dataset.leg && o.dataset.region === rect.dataset.region;
      });
      return options.find(function (o) { return o.dataset.aspect === rect.dataset.aspect; }) || options[0];
    }
    function place(rect, x, y) {
      var option = areaFor(rect);
      if (!option) { status.textContent = 'No area was mapped there at the consultation.'; return; }
      var svg = rect.ownerSVGElement;
      document.querySelectorAll('.session-map .pending').forEach(function (c) { c.setAttribute('cx', -20); });
      var pending = svg.querySelector('.pending');
      pending.setAttribute('cx', x); pending.setAttribute('cy', y);
      setAll('x', Math.round(x)); setAll('y', Math.round(y)); setAll('view', svg.dataset.view); setAll('areaId', option.value);
      areaSelect.value = option.value;
      status.textContent = 'Point marked: ' + option.textContent.trim() + '.';
      var tap = document.getElementById('tap-repeats');
      if (tap && tap.checked) { document.getElementById('repeat-form').requestSubmit(); }
    }
    document.querySelectorAll('.session-map .region.mapped').forEach(function (rect) {
      rect.addEventListener('click', function (e) {
        var svg = rect.ownerSVGElement, pt = svg.createSVGPoint();
        pt.x = e.clientX; pt.y = e.clientY;
        var p = pt.matrixTransform(svg.getScreenCTM().inverse());
        place(rect, p.x, p.y);
      });
      rect.addEventListener('keydown', function (e) {
        if (e.key !== 'Enter' && e.key !== ' ') { return; }
        e.preventDefault();
        place(rect, +rect.getAttribute('x') + rect.getAttribute('width') / 2, +rect.getAttribute('y') + rect.getAttribute('height') / 2);
      });
    });
    // Choosing an area from the list forgets a point tapped for another area; the dot is then drawn at the area.
    if (areaSelect) {
      areaSelect.addEventListener('change', function () {
        setAll('x', ''); setAll('y', ''); setAll('view', ''); setAll('areaId', areaSelect.value);
        document.querySelectorAll('.session-map .pending').forEach(function (c) { c.setAttribute('cx', -20); });
        var chosen = areaSelect.options[areaSelect.selectedIndex];
        status.textContent = areaSelect.value ? 'No point marked: the injection will be drawn at ' + chosen.textContent.trim() + '.' : '';
      });
    }
    var formRadios = document.querySelectorAll('#inject-form [name=form]');
    function foam() {
      var isFoam = document.querySelector('#inject-form [name=form]:checked').value === 'FOAM';
      document.querySelectorAll('.foam-only').forEach(function (el) { el.hidden = !isFoam; });
    }
    formRadios.forEach(function (r) { r.addEventListener('change', foam); });
    if (formRadios.length) { foam(); }
    var lot = document.getElementById('lotId');
    if (lot) {
      lot.addEventListener('change', function () {
        var o = lot.options[lot.selectedIndex];
        if (o.dataset.strength) { document.getElementById('concentrationPercent').value = o.dataset.strength; }
      });
    }
  })();
