{% test primary_key(model, columns, nullable_columns=[]) %}
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
    {%- for column in columns if column not in nullable_columns %}
    or {{ column }} is null
    {%- endfor %}
{% endtest %}
