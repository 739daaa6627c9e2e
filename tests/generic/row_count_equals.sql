{#- The model has exactly `expected` rows (7 weekdays, 24 hours, 7 x 24 heatmap cells). -#}
{% test row_count_equals(model, expected) %}
select row_count
from (select count(*) as row_count from {{ model }}) as counted
where row_count != {{ expected }}
{% endtest %}
