{#- Wilson score interval of a binomial proportion `successes / trials`, defined once: with x
    successes in n trials and z the normal quantile of the confidence level (1.959963984540054,
    two-sided 95 %),
        lower, upper = (x + z^2/2 -/+ z * sqrt(x * (n - x) / n + z^2/4)) / (n + z^2).
    Unlike the normal (Wald) interval it stays inside [0, 1] and is not zero-width at 0 or n
    successes; clamped to [0, 1] only against floating-point rounding. Null when trials = 0.
    `successes` and `trials` are integer counts (`/` divides as doubles in DuckDB and Spark);
    z and its powers are rendered as double literals. -#}
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

{#- A number as a double literal (scientific notation), not a decimal: 1.92e0. -#}
{% macro _double(number) -%}
    {{ '%.17e' | format(number) }}
{%- endmacro %}
