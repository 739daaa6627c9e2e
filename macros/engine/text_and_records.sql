{#- Types, nested values and row fingerprints: the same SQL meaning, spelled per engine. -#}

{% macro text_type() -%}
    {{ return(adapter.dispatch('text_type')()) }}
{%- endmacro %}

{% macro default__text_type() -%}
    varchar
{%- endmacro %}

{% macro spark__text_type() -%}
    string
{%- endmacro %}

{% macro record(fields) -%}
    {{ return(adapter.dispatch('record')(fields)) }}
{%- endmacro %}

{% macro default__record(fields) -%}
    { {%- for name, expression in fields %} '{{ name }}': {{ expression }}{{ ',' if not loop.last }}{% endfor %} }
{%- endmacro %}

{% macro spark__record(fields) -%}
    named_struct({%- for name, expression in fields %}'{{ name }}', {{ expression }}{{ ', ' if not loop.last }}{% endfor %})
{%- endmacro %}

{% macro row_md5(columns) -%}
    {{ return(adapter.dispatch('row_md5')(columns)) }}
{%- endmacro %}

{% macro default__row_md5(columns) -%}
    md5(cast(row(
            {{ columns | join(', ') }}
        ) as varchar))
{%- endmacro %}

{% macro spark__row_md5(columns) -%}
    md5(concat('(', concat_ws(', ',
        {%- for column in columns %}
        {{ _spark_nested_value_text(column) }}{{ ',' if not loop.last }}
        {%- endfor %}
    ), ')'))
{%- endmacro %}

{% macro row_hash(columns) -%}
    {{ return(adapter.dispatch('row_hash')(columns)) }}
{%- endmacro %}

{% macro default__row_hash(columns) -%}
    hash({{ columns | join(', ') }})
{%- endmacro %}

{% macro spark__row_hash(columns) -%}
    xxhash64({{ columns | join(', ') }})
{%- endmacro %}

{% macro _spark_nested_value_text(expression) -%}
    {#- DuckDB's text of a value inside a row: quoted when empty, 'null' in any case, holding one
        of " ' ( ) , : = [ \ ] { }, or starting or ending with whitespace; \ and ' escaped. -#}
    {%- set text = 'cast(' ~ expression ~ ' as string)' -%}
    case
            when {{ expression }} is null then 'NULL'
            when {{ text }} = '' or lower({{ text }}) = 'null'
                or {{ text }} rlike r'["\x27(),:=\[\\\]{}]|^[\t\n\x0B\f\r ]|[\t\n\x0B\f\r ]\z'
                then concat('''', replace(replace({{ text }}, '\\', '\\\\'), '''', '\\'''), '''')
            else {{ text }}
        end
{%- endmacro %}
