(function () {
  'use strict';
  var table = document.getElementById('findings-table');
  var text = document.getElementById('filter-text');
  var level = document.getElementById('filter-level');
  var incident = document.getElementById('filter-incident');
  var count = document.getElementById('filter-count');
  if (!table || !text || !level || !incident || !count) {
    return;
  }
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var haystack = rows.map(function (r) { return r.textContent.toLowerCase(); });
  var ranks = rows.map(function (r) { return Number(r.getAttribute('data-rank')); });
  var incidents = rows.map(function (r) { return (r.getAttribute('data-incidents') || '').split(' '); });

  function apply() {
    var words = text.value.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; });
    var minRank = level.value === '' ? -1 : Number(level.value);
    var inc = incident.value;
    var shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var ok = ranks[i] >= minRank && (inc === '' || incidents[i].indexOf(inc) >= 0);
      for (var j = 0; ok && j < words.length; j++) {
        ok = haystack[i].indexOf(words[j]) >= 0;
      }
      rows[i].hidden = !ok;
      if (ok) {
        shown++;
      }
    }
    count.textContent = shown === rows.length ? rows.length + ' findings' : shown + ' of ' + rows.length + ' findings';
  }

  text.addEventListener('input', apply);
  level.addEventListener('change', apply);
  incident.addEventListener('change', apply);
  Array.prototype.forEach.call(document.querySelectorAll('a.show-findings'), function (a) {
    a.addEventListener('click', function () {
      incident.value = a.getAttribute('data-incident') || '';
      text.value = '';
      level.value = '';
      apply();
    });
  });
  apply();
})();
