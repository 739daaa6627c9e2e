{#- The grain holds: no row has a null in any key column, and no two rows share a key.
    Works for one column or several (dbt's built-in unique/not_null take only one). -#}
{% test primary_key(model, columns) %}
with keyed as (
    select
        {{ columns | join(', ') }},
        count(*) as row_count
    from {{ model }}
    group by all
)

select *
from keyed
where
    row_count > 1
    {%- for column in columns %}
    or {{ column }} is null
    {%- endfor %}
{% endtest %}
