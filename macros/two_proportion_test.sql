{#- The two-proportion z-test, defined once (campaign_segment_performance: a segment's CTR
    against the rest of its campaign). With x1 successes in n1 trials against x2 in n2 and the
    pooled rate p = (x1 + x2) / (n1 + n2):
        z = (x1 / n1 - x2 / n2) / sqrt(p * (1 - p) * (1 / n1 + 1 / n2)),
    the normal approximation without continuity correction (the same test as a 2 x 2
    chi-square). Null when a side has no trial or the pooled rate is 0 or 1 (nothing varies).
    Takes integer counts (`/` divides as doubles in DuckDB and Spark), best as column names:
    the expression repeats them. -#}
{% macro two_proportion_z_score(x1, n1, x2, n2) -%}
    {%- set pooled = '(' ~ x1 ~ ' + ' ~ x2 ~ ') / (' ~ n1 ~ ' + ' ~ n2 ~ ')' -%}
    case
        when {{ n1 }} > 0 and {{ n2 }} > 0
            then ({{ x1 }} / {{ n1 }} - {{ x2 }} / {{ n2 }})
            / nullif(sqrt({{ pooled }} * (1 - {{ pooled }}) * (1.0 / {{ n1 }} + 1.0 / {{ n2 }})), 0)
    end
{%- endmacro %}

{#- The complementary error function in plain arithmetic (no engine has a portable erfc), for
    x >= 0, accurate to about 1e-13 absolute (checked against Python's math.erfc by the pandas
    tests); the two-sided p-value of a normal score z is erfc(|z| / sqrt(2)).
    - x < 3: 1 - erf(x), with erf's series of positive terms
      erf(x) = 2x / sqrt(pi) * exp(-x^2) * sum_k (2x^2)^k / (1 * 3 * ... * (2k + 1)),
      40 terms written out as a flat sum (a nested form that long is too deep for the linter);
    - x >= 3: Laplace's continued fraction
      erfc(x) = exp(-x^2) / sqrt(pi) / (x + (1/2) / (x + 1 / (x + (3/2) / (x + ...)))),
      10 levels evaluated from the innermost.
    `x` should be a column name: the expression repeats it. -#}
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
