{% macro dashboard_events_slice() -%}
{%- set names = ['start_date', 'end_date', 'brands', 'categories'] -%}
-- params: {{ names | join(', ') }}
select *
from {{ ref('events_cleaned') }}
where
    event_date between cast({{ _param('start_date', names) }} as date) and cast({{ _param('end_date', names) }} as date)
    and {{ _in_list('brand', 'brands', 'varchar', names) }}
    and {{ _in_list('category_top_level', 'categories', 'varchar', names) }}
{%- endmacro %}

{% macro dashboard_sessions_slice() -%}
{%- set names = [
    'start_date', 'end_date', 'campaigns', 'genders', 'age_levels', 'city_development_indexes', 'user_groups'
] -%}
-- params: {{ names | join(', ') }}
select *
from {{ ref('sessions_cleaned') }}
where
    session_date between cast({{ _param('start_date', names) }} as date) and cast({{ _param('end_date', names) }} as date)
    and {{ _in_list('campaign_id', 'campaigns', 'bigint', names) }}
    and {{ _in_list('gender_label', 'genders', 'varchar', names) }}
    and {{ _in_list('age_level_label', 'age_levels', 'varchar', names) }}
    and {{ _in_list('city_development_label', 'city_development_indexes', 'varchar', names) }}
    and {{ _in_list('user_group_label', 'user_groups', 'varchar', names) }}
{%- endmacro %}

{% macro dashboard_all_events() -%}
select *
from {{ ref('events_cleaned') }}
{%- endmacro %}

{% macro _param(name, names) -%}
    ${{ names.index(name) + 1 }}
{%- endmacro %}

{% macro _in_list(column, name, element_type, names) -%}
    {%- set values = 'cast(' ~ _param(name, names) ~ ' as ' ~ element_type ~ ' [])' -%}
    (len({{ values }}) = 0 or list_contains({{ values }}, {{ column }}))
{%- endmacro %}
