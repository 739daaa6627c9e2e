{#- Regular expressions and lists. DuckDB uses RE2 and 1-based lists with slices; Spark uses
    Java's regex engine (raw literals, so a backslash reaches it as written; \z rather than $,
    which Java also matches before a final line terminator) and 1-based try_element_at. -#}

{% macro regex_full_match(text, pattern) -%}
    {{ return(adapter.dispatch('regex_full_match')(text, pattern)) }}
{%- endmacro %}

{% macro default__regex_full_match(text, pattern) -%}
    regexp_full_match({{ text }}, '{{ pattern }}')
{%- endmacro %}

{% macro spark__regex_full_match(text, pattern) -%}
    regexp_like({{ text }}, {{ _spark_regex_literal('^(?:' ~ pattern ~ ')\\z') }})
{%- endmacro %}

{% macro regex_contains(text, pattern) -%}
    {{ return(adapter.dispatch('regex_contains')(text, pattern)) }}
{%- endmacro %}

{% macro default__regex_contains(text, pattern) -%}
    regexp_matches({{ text }}, '{{ pattern }}')
{%- endmacro %}

{% macro spark__regex_contains(text, pattern) -%}
    regexp_like({{ text }}, {{ _spark_regex_literal(pattern) }})
{%- endmacro %}

{% macro regex_extract(text, pattern, group) -%}
    {{ return(adapter.dispatch('regex_extract')(text, pattern, group)) }}
{%- endmacro %}

{% macro default__regex_extract(text, pattern, group) -%}
    regexp_extract({{ text }}, '{{ pattern }}', {{ group }})
{%- endmacro %}

{% macro spark__regex_extract(text, pattern, group) -%}
    regexp_extract({{ text }}, {{ _spark_regex_literal(pattern | replace('$', '\\z')) }}, {{ group }})
{%- endmacro %}

{% macro _spark_regex_literal(pattern) -%}
    {%- if "'" in pattern -%}
        {{ exceptions.raise_compiler_error("a regex literal cannot hold a single quote: " ~ pattern) }}
    {%- endif -%}
    r'{{ pattern }}'
{%- endmacro %}

{% macro list_element(list, position) -%}
    {{ return(adapter.dispatch('list_element')(list, position)) }}
{%- endmacro %}

{% macro default__list_element(list, position) -%}
    {{ list }}[{{ position }}]
{%- endmacro %}

{% macro spark__list_element(list, position) -%}
    try_element_at({{ list }}, {{ position }})
{%- endmacro %}

{% macro list_length(list) -%}
    {{ return(adapter.dispatch('list_length')(list)) }}
{%- endmacro %}

{% macro default__list_length(list) -%}
    len({{ list }})
{%- endmacro %}

{% macro spark__list_length(list) -%}
    array_size({{ list }})
{%- endmacro %}

{% macro list_text_from(list, position) -%}
    {{ return(adapter.dispatch('list_text_from')(list, position)) }}
{%- endmacro %}

{% macro default__list_text_from(list, position) -%}
    array_to_string({{ list }}[{{ position }}:], '')
{%- endmacro %}

{% macro spark__list_text_from(list, position) -%}
    array_join(slice({{ list }}, {{ position }}, greatest(size({{ list }}) - {{ position - 1 }}, 0)), '')
{%- endmacro %}

{% macro arg_max_by(value, keys) -%}
    {{ return(adapter.dispatch('arg_max_by')(value, keys)) }}
{%- endmacro %}

{% macro default__arg_max_by(value, keys) -%}
    arg_max({{ value }}, [{{ keys | join(', ') }}])
{%- endmacro %}

{% macro spark__arg_max_by(value, keys) -%}
    max_by({{ value }}, array({{ keys | join(', ') }}))
{%- endmacro %}
