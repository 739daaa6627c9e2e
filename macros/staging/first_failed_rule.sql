{#- A source's ordered reject rules drive both the CASE that assigns reject_reason and every
    list of reasons (accepted values, the audit's per-reason columns), so a reason is written
    once, beside its condition. -#}

{% macro first_failed_rule(rules) -%}
    case
        {%- for reason, condition in rules %}
        when {{ condition }} then '{{ reason }}'
        {%- endfor %}
    end
{%- endmacro %}

{% macro rule_reasons(rules) -%}
    {{ return(rules | map(attribute=0) | list) }}
{%- endmacro %}
