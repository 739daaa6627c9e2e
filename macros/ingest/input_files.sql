{% macro input_files(source_name) -%}
    {%- set env_name = {'store': 'EVENTS_PATH', 'ads': 'SESSIONS_PATH'}[source_name] -%}
    {%- set default_file = {'store': 'data/raw/events.csv', 'ads': 'data/raw/sessions.csv'}[source_name] -%}
    {{ return(var(source_name ~ '_files', [env_var(env_name, default_file)])) }}
{%- endmacro %}

{% macro file_path_literal(path) -%}
    {%- set escaped = [] -%}
    {%- for character in path -%}
        {%- do escaped.append('[' ~ character ~ ']' if character in '[]*?' else character) -%}
    {%- endfor -%}
    {{ sql_literal(escaped | join('')) }}
{%- endmacro %}

{% macro input_file_versions(source_name) -%}
    {{ return(adapter.dispatch('input_file_versions')(source_name)) }}
{%- endmacro %}

{% macro spark__input_file_versions(source_name) -%}
    {#- Spark models are rebuilt in full; read_raw_lines reads each file's version from the
        file's own metadata as it reads the lines. -#}
    {%- set versions = [] -%}
    {%- for path in input_files(source_name) -%}
        {%- do versions.append({'source_file': path, 'source_file_version': none}) -%}
    {%- endfor -%}
    {{ return(versions) }}
{%- endmacro %}

{% macro default__input_file_versions(source_name) -%}
    {%- if not execute -%}{{ return([]) }}{%- endif -%}
    {%- set selects = [] -%}
    {%- for path in input_files(source_name) -%}
        {%- do selects.append(
            'select ' ~ sql_literal(path) ~ ' as source_file, '
            ~ "concat(size, '@', epoch_us(last_modified)) as source_file_version "
            ~ 'from read_blob(' ~ file_path_literal(path) ~ ')'
        ) -%}
    {%- endfor -%}
    {%- set versions = [] -%}
    {%- for row in run_query(selects | join(' union all ')).rows -%}
        {%- do versions.append({'source_file': row[0], 'source_file_version': row[1]}) -%}
    {%- endfor -%}
    {{ return(versions) }}
{%- endmacro %}
