"""A Swedish reader sees the ministries chart's labels whole: "OKM+STM gemensamt", not
"M+STM gemensamt" cut at the chart's left edge."""

import re

from hankesalkku.insights.charts import Bar, bar_chart


def test_a_label_of_capitals_has_room_before_its_bar():
    label = "OKM+STM gemensamt"
    svg = bar_chart([Bar(label, 2.0, "2"), Bar("OKM", 7.0, "7")], title="t", summary="s")
    x = float(re.search(r'<text x="([\d.]+)"[^>]*>' + re.escape(label), svg).group(1))
    # DejaVu Sans at 13 px: capitals and "+" about 0.72 em, lower case about 0.55 em
    rendered = 13 * (8 * 0.72 + 9 * 0.55)
    assert x >= rendered, (x, rendered)
