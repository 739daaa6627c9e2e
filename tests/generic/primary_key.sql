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
