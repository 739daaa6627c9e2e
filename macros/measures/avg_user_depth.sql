{% macro avg_user_depth(user_depth_column='user_depth') -%}
    avg(cast({{ user_depth_column }} as double)) filter (where {{ user_depth_column }} is not null)
{%- endmacro %}
