import json
from hankesalkku.insights.selection import Selection
from hankesalkku.insights.overview import build_overview
def test_x(portfolio, django_assert_max_num_queries):
    sel = Selection.from_params({"call": "testihaku"})
    with django_assert_max_num_queries(30) as ctx:
        o = build_overview(sel)
    print(len(ctx.captured_queries))
    print(json.dumps(o, default=str, indent=1, ensure_ascii=False)[:3000])
