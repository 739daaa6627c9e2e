{#- Share of all clean sessions and rank by sessions, shared by campaign_performance and
    category_engagement so both share and rank the same way (the store twin is
    revenue_ranking.sql). Use over rows already grouped to a grain that splits the clean
    sessions without overlap (each session has one campaign and one category), so the
    window's sum is the count of all clean sessions and no join to the total is needed. -#}
{% macro session_share(session_count='session_count') -%}
    {{ safe_divide(session_count, 'sum(' ~ session_count ~ ') over ()') }}
{%- endmacro %}

{#- 1 = most sessions; a tie goes to the lower `name`, so the top is deterministic. -#}
{% macro session_rank(name, session_count='session_count') -%}
    cast(row_number() over (order by {{ session_count }} desc, {{ name }} asc) as integer)
{%- endmacro %}
