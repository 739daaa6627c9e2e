{% test row_count_equals(model, expected) %}
select row_count
from (select count(*) as row_count from {{ model }}) as counted
where row_count != {{ expected }}
{% endtest %}
