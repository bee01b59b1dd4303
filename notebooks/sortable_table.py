"""A pandas DataFrame as an HTML table whose columns sort on a click, in Jupyter and in the
rendered HTML alike (plain JavaScript, no extra package)."""

import html
import itertools

_ids = itertools.count()

_SCRIPT = """
<script>
(function () {
  var table = document.getElementById("%(id)s");
  if (!table) { return; }
  table.querySelectorAll("th").forEach(function (th, col) {
    th.style.cursor = "pointer";
    th.title = "click to sort";
    th.addEventListener("click", function () {
      var body = table.tBodies[0];
      var rows = Array.from(body.rows);
      var ascending = th.dataset.order !== "asc";
      table.querySelectorAll("th").forEach(function (h) { delete h.dataset.order; });
      th.dataset.order = ascending ? "asc" : "desc";
      rows.sort(function (a, b) {
        var x = a.cells[col].dataset.sort, y = b.cells[col].dataset.sort;
        var nx = parseFloat(x), ny = parseFloat(y);
        var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
        return ascending ? c : -c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
})();
</script>
"""


def sortable_table(frame, formats=None):
    """HTML for `frame`; `formats` maps a column to a function giving its displayed text.
    Cells sort by their raw value, so "9.5%" sorts below "10.0%"."""
    formats = formats or {}
    table_id = f"flowlake-table-{next(_ids)}"
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in frame.columns)
    rows = []
    for record in frame.itertuples(index=False):
        cells = []
        for column, value in zip(frame.columns, record):
            shown = formats.get(column, str)(value)
            cells.append(
                f'<td data-sort="{html.escape(str(value), quote=True)}">{html.escape(shown)}</td>'
            )
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (
        f'<table id="{table_id}" class="dataframe"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>" + _SCRIPT % {"id": table_id}
    )
