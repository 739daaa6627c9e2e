{#- SQL counting the values a raw row carries beyond its source's declared columns.

    A CSV row with more fields than the header is read (with null_padding) into extra columns
    that DuckDB names column9, column10, ...; those rows must be quarantined, not trimmed.
    The extra columns exist only when such a row does, so they are looked up when the model
    runs (`dbt run` / `dbt build`); compiling without running (lint, docs) needs no data file
    and renders 0, as does a file with no extra fields. -#}
{% macro extra_field_count(source_name, table_name) -%}
    {%- set extras = [] -%}
    {%- if execute and flags.WHICH in ('run', 'build') -%}
        {%- set node = graph.sources.values() | selectattr('source_name', 'equalto', source_name)
            | selectattr('name', 'equalto', table_name) | first -%}
        {%- set declared = node.columns.keys() | list -%}
        {%- set described = run_query('describe select * from ' ~ source(source_name, table_name)) -%}
        {%- for name in described.columns[0].values() -%}
            {%- if name not in declared and modules.re.fullmatch('column[0-9]+', name) -%}
                {%- do extras.append(name) -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}
    {%- if extras -%}
        ({% for name in extras %}cast({{ adapter.quote(name) }} is not null as integer){% if not loop.last %} + {% endif %}{% endfor %})
    {%- else -%}
        0
    {%- endif -%}
{%- endmacro %}
