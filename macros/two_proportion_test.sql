{#- The two-proportion z-test, defined once (campaign_segment_performance: a segment's CTR
    against the rest of its campaign). With x1 successes in n1 trials against x2 in n2 and the
    pooled rate p = (x1 + x2) / (n1 + n2):
        z = (x1 / n1 - x2 / n2) / sqrt(p * (1 - p) * (1 / n1 + 1 / n2)),
    the normal approximation without continuity correction (the same test as a 2 x 2
    chi-square). Null when a side has no trial or the pooled rate is 0 or 1 (nothing varies). -#}
{% macro two_proportion_z_score(x1, n1, x2, n2) -%}
    {%- set x1, n1, x2, n2 = '(' ~ x1 ~ ')', '(' ~ n1 ~ ')', '(' ~ x2 ~ ')', '(' ~ n2 ~ ')' -%}
    {%- set pooled = '(' ~ safe_divide(x1 ~ ' + ' ~ x2, n1 ~ ' + ' ~ n2) ~ ')' -%}
    case
        when {{ n1 }} > 0 and {{ n2 }} > 0
            then {{ safe_divide(
                '(' ~ safe_divide(x1, n1) ~ ') - (' ~ safe_divide(x2, n2) ~ ')',
                'sqrt(' ~ pooled ~ ' * (1 - ' ~ pooled ~ ') * (1.0 / ' ~ n1 ~ ' + 1.0 / ' ~ n2 ~ '))'
            ) }}
    end
{%- endmacro %}

{#- The complementary error function in plain arithmetic (no engine has a portable erfc), for
    x >= 0, accurate to 1.5e-12 absolute (checked against Python's math.erfc by the pandas
    tests): erfc(x) = 1 - erf(x) with erf's series of positive terms
        erf(x) = 2x / sqrt(pi) * exp(-x^2) * sum_k (2x^2)^k / (1 * 3 * ... * (2k + 1)),
    72 terms written out as a flat sum (a nested Horner form is too deep for the SQL linter),
    enough below x = 5 (error about 1e-13); from there erfc(x) < 1.5e-12 and is given as 0. As
    the two-sided p-value of a normal score z, erfc(|z| / sqrt(2)): |z| of 7.07 or more gives 0. -#}
{% macro erfc(x) -%}
    {%- set terms = 72 -%}
    {%- set ns = namespace(coefficient=1.0, sum=[]) -%}
    {%- for k in range(terms) -%}
        {%- if k > 0 -%}{%- set ns.coefficient = ns.coefficient * 2 / (2 * k + 1) -%}{%- endif -%}
        {%- do ns.sum.append(_double(ns.coefficient) ~ ' * power(' ~ x ~ ', ' ~ 2 * k ~ ')') -%}
    {%- endfor -%}
    case
        when {{ x }} < 5.0
            then 1.0 - 2.0 * {{ x }} / sqrt(pi()) * exp(-{{ x }} * {{ x }}) * ({{ ns.sum | join(' + ') }})
        when {{ x }} is not null
            then 0.0
    end
{%- endmacro %}
