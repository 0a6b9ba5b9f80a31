// Selecting text in the document fills the add-event form's span offsets (characters, as the
// server counts them: code points, not UTF-16 units). Optional: the offsets can be typed.
(function () {
  var doc = document.getElementById('doctext');
  var start = document.getElementById('span-start');
  var end = document.getElementById('span-end');
  var shown = document.getElementById('span-text');
  if (!doc || !start || !end) return;
  function offset(node, off) {
    var r = document.createRange();
    r.setStart(doc, 0);
    r.setEnd(node, off);
    return Array.from(r.toString()).length;
  }
  doc.addEventListener('mouseup', function () {
    var sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return;
    var r = sel.getRangeAt(0);
    if (!doc.contains(r.startContainer) || !doc.contains(r.endContainer)) return;
    start.value = offset(r.startContainer, r.startOffset);
    end.value = offset(r.endContainer, r.endOffset);
    if (shown) shown.textContent = '“' + sel.toString() + '”';
  });
})();
