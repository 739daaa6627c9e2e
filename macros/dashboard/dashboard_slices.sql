{#- The dashboard's filters, applied to the clean fact tables (store.events_cleaned,
    ads.sessions_cleaned) as bind parameters: the SQL is compiled once, and a value picked in a
    filter travels as a parameter, never as SQL text. Every analysis under analyses/dashboard/
    starts from one of these slices and runs a model's own query macro over it
    (macros/models/), so a filtered number has the definition of its mart.

    Parameters are positional ($1, $2, ...: the linter cannot read DuckDB's $name); the comment
    line each slice renders names them in order, and scripts/dashboard/analyses.py binds the
    filter values by those names. A list parameter that is empty means "no filter on this
    attribute"; dates are inclusive. Brand and category are the attributes as exported (the
    marts group by them, `Unknown` where missing); the demographics are their `_label` columns,
    so `Unknown` can be picked. -#}
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

{#- The catalog as the whole log knows it: a product's brand and category are catalog facts, not
    measures of the slice, so the filtered product lists report a product under the same brand
    and category as the unfiltered marts (int_product_brands_resolved and
    int_product_categories_resolved, run over every clean event). -#}
{% macro dashboard_all_events() -%}
select *
from {{ ref('events_cleaned') }}
{%- endmacro %}

{#- `$n`, the position of parameter `name` in `names`. -#}
{% macro _param(name, names) -%}
    ${{ names.index(name) + 1 }}
{%- endmacro %}

{#- True when list parameter `name` is empty (no filter) or holds the row's `column`. -#}
{% macro _in_list(column, name, element_type, names) -%}
    {%- set values = 'cast(' ~ _param(name, names) ~ ' as ' ~ element_type ~ ' [])' -%}
    (len({{ values }}) = 0 or list_contains({{ values }}, {{ column }}))
{%- endmacro %}
