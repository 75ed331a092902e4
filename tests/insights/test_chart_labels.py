"""A Swedish reader sees the charts' labels whole: "OKM+STM gemensamt", not "M+STM gemensamt" cut
at the chart's left edge, on the page and in the PDF, which prints the same SVG in DejaVu Sans."""

import re

import pytest

from hankesalkku.insights.charts import Bar, bar_chart

# Widths in DejaVu Sans (the PDF's font, the widest the charts meet), in em, from its metrics.
DEJAVU_EM = {
    "OKM+STM gemensamt": 11.54,
    "Småbarnspedagogik och förskoleundervisning": 23.18,
}


@pytest.mark.parametrize("label", DEJAVU_EM)
def test_a_label_has_room_before_its_bar(label):
    svg = bar_chart([Bar(label, 2.0, "2"), Bar("OKM", 7.0, "7")], title="t", summary="s")
    x = float(re.search(r'<text x="([\d.]+)"[^>]*>' + re.escape(label), svg).group(1))
    assert x >= 13 * DEJAVU_EM[label], (x, 13 * DEJAVU_EM[label])
