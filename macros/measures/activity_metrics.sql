{% macro activity_metrics() -%}
    count(*) as event_count,
    {{ event_type_measures() }},
    count(distinct user_id) as active_user_count
{%- endmacro %}

{% macro activity_metrics_from(relation) -%}
    coalesce({{ relation }}.event_count, 0) as event_count,
    coalesce({{ relation }}.view_count, 0) as view_count,
    coalesce({{ relation }}.cart_count, 0) as cart_count,
    coalesce({{ relation }}.purchase_count, 0) as purchase_count,
    cast(coalesce({{ relation }}.revenue, 0) as decimal(38, 2)) as revenue,
    coalesce({{ relation }}.active_user_count, 0) as active_user_count
{%- endmacro %}
