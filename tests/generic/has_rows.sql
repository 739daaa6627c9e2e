{% test has_rows(model) %}
select 'no rows' as problem
where not exists (select 1 from {{ model }})
{% endtest %}
