{% macro session_share(session_count='session_count') -%}
    {{ safe_divide(session_count, 'sum(' ~ session_count ~ ') over ()') }}
{%- endmacro %}

{% macro session_rank(name, session_count='session_count') -%}
    cast(row_number() over (order by {{ session_count }} desc, {{ name }} asc) as integer)
{%- endmacro %}
