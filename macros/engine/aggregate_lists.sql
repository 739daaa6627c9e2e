{% macro list_agg(expression) -%}
    {{ return(adapter.dispatch('list_agg')(expression)) }}
{%- endmacro %}

{% macro default__list_agg(expression) -%}
    list({{ expression }})
{%- endmacro %}

{% macro spark__list_agg(expression) -%}
    collect_list({{ expression }})
{%- endmacro %}

{% macro list_min_where(list, element, condition) -%}
    {{ return(adapter.dispatch('list_min_where')(list, element, condition)) }}
{%- endmacro %}

{% macro default__list_min_where(list, element, condition) -%}
    list_min([{{ element }} for {{ element }} in {{ list }} if {{ condition }}])
{%- endmacro %}

{% macro spark__list_min_where(list, element, condition) -%}
    array_min(filter({{ list }}, {{ element }} -> {{ condition }}))
{%- endmacro %}

{% macro list_transform(list, element, expression) -%}
    {{ return(adapter.dispatch('list_transform')(list, element, expression)) }}
{%- endmacro %}

{% macro default__list_transform(list, element, expression) -%}
    [{{ expression }} for {{ element }} in {{ list }}]
{%- endmacro %}

{% macro spark__list_transform(list, element, expression) -%}
    transform({{ list }}, {{ element }} -> {{ expression }})
{%- endmacro %}

{% macro list_min(list) -%}
    {{ return(adapter.dispatch('list_min')(list)) }}
{%- endmacro %}

{% macro default__list_min(list) -%}
    list_min({{ list }})
{%- endmacro %}

{% macro spark__list_min(list) -%}
    array_min({{ list }})
{%- endmacro %}
