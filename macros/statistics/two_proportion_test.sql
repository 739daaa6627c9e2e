{% macro two_proportion_z_score(x1, n1, x2, n2) -%}
    {%- set pooled = '(' ~ x1 ~ ' + ' ~ x2 ~ ') / (' ~ n1 ~ ' + ' ~ n2 ~ ')' -%}
    case
        when {{ n1 }} > 0 and {{ n2 }} > 0
            then ({{ x1 }} / {{ n1 }} - {{ x2 }} / {{ n2 }})
            / nullif(sqrt({{ pooled }} * (1 - {{ pooled }}) * ({{ _double(1) }} / {{ n1 }} + {{ _double(1) }} / {{ n2 }})), 0)
    end
{%- endmacro %}

{% macro erfc(x) -%}
    {%- set ns = namespace(coefficient=1.0, terms=[], fraction=x) -%}
    {%- for k in range(40) -%}
        {%- if k > 0 -%}{%- set ns.coefficient = ns.coefficient * 2 / (2 * k + 1) -%}{%- endif -%}
        {%- do ns.terms.append(_double(ns.coefficient) ~ ' * power(' ~ x ~ ', ' ~ 2 * k ~ ')') -%}
    {%- endfor -%}
    {%- for level in range(10, 0, -1) -%}
        {%- set ns.fraction = '(' ~ x ~ ' + ' ~ (level / 2) ~ ' / ' ~ ns.fraction ~ ')' -%}
    {%- endfor -%}
    case
        when {{ x }} < 3.0
            then 1.0 - 2.0 * {{ x }} / sqrt(pi()) * exp(-{{ x }} * {{ x }}) * ({{ ns.terms | join(' + ') }})
        when {{ x }} >= 3.0
            then exp(-{{ x }} * {{ x }}) / sqrt(pi()) / {{ ns.fraction }}
    end
{%- endmacro %}
