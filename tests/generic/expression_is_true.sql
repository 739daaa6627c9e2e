{#- Every row satisfies a boolean SQL expression (e.g. a reconciliation identity). -#}
{% test expression_is_true(model, expression) %}
select *
from {{ model }}
where not coalesce(({{ expression }}), false)
{% endtest %}
