{% macro wilson_lower(successes, trials, z=1.959963984540054) -%}
    {{ _wilson_bound(successes, trials, z, '-') }}
{%- endmacro %}

{% macro wilson_upper(successes, trials, z=1.959963984540054) -%}
    {{ _wilson_bound(successes, trials, z, '+') }}
{%- endmacro %}

{% macro _wilson_bound(successes, trials, z, sign) -%}
    {%- set x, n = '(' ~ successes ~ ')', '(' ~ trials ~ ')' -%}
    case
        when {{ n }} > 0
            then least(1.0, greatest(0.0,
                ({{ x }} + {{ _double(z * z / 2) }} {{ sign }} {{ _double(z) }}
                * sqrt({{ x }} * ({{ n }} - {{ x }}) / {{ n }} + {{ _double(z * z / 4) }}))
                / ({{ n }} + {{ _double(z * z) }})
            ))
    end
{%- endmacro %}

{% macro _double(number) -%}
    {{ '%.17e' | format(number) }}
{%- endmacro %}
