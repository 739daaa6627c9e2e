{#- SQL for the values a raw row carries beyond its source's declared columns, joined with
    commas; null for a well-formed row.

    A CSV row with more fields than the header is read (with null_padding) into extra columns
    that DuckDB names column9, column10, ...; such rows must be quarantined with those values
    kept, not trimmed, and the values must take part in duplicate detection and the row key.
    The extra columns exist only when such a row does, so they are looked up when the model
    runs (`dbt run` / `dbt build`); compiling without running (lint, docs) needs no data file
    and renders a null. -#}
{% macro extra_field_values(source_name, table_name) -%}
    {%- set extras = [] -%}
    {%- if execute and flags.WHICH in ('run', 'build') -%}
        {%- set node = graph.sources.values() | selectattr('source_name', 'equalto', source_name)
            | selectattr('name', 'equalto', table_name) | first -%}
        {%- set declared = node.columns.keys() | list -%}
        {%- set described = run_query('describe select * from ' ~ source(source_name, table_name)) -%}
        {%- for name in described.columns[0].values() -%}
            {%- if name not in declared and modules.re.fullmatch('column[0-9]+', name) -%}
                {%- do extras.append(adapter.quote(name)) -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}
    {%- if extras -%}
        nullif(concat_ws(',', {{ extras | join(', ') }}), '')
    {%- else -%}
        cast(null as varchar)
    {%- endif -%}
{%- endmacro %}
