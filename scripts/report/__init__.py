"""The HTML report: every KPI, chart and recommendation of the two analyses, read from the marts.

    python -m scripts.report --database warehouse/analytics.duckdb --outputs outputs

Modules, one job each:
- `marts`: read-only access to the mart relations (schemas `store` and `ads`) and nothing else.
- `figures`: a number shown to a reader, tied to the mart column it was read from.
- `sections`: KPI cards and tables, read from the marts.
- `charts`: one Vega-Lite chart per question, built with altair from the marts.
- `render`: Vega-Lite to inline SVG (for the page) and PNG (`charts/<name>.png`), offline.
- `recommendations`: the recommendations, worded around figures read from the marts.
- `page`: the self-contained HTML page (template and CSS inlined, no external reference).
- `build`: runs the above and writes the files; `__main__` is the command line.
"""
