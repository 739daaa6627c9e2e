{% macro input_files(source_name) -%}
    {#- Read while executing only: the file lists are then no part of what dbt parses, so a build
        of other files reuses the last parse (no var, no env var read at parse time). -#}
    {%- if not execute -%}{{ return([]) }}{%- endif -%}
    {%- set manifest_path = env_var('INPUTS_MANIFEST', '') -%}
    {%- if not manifest_path -%}{{ return([]) }}{%- endif -%}
    {%- set content = run_query(manifest_text_query(manifest_path)).columns[0].values() | join('\n') -%}
    {{ return(fromjson(content).get(source_name, [])) }}
{%- endmacro %}

{% macro manifest_text_query(path) -%}
    {{ return(adapter.dispatch('manifest_text_query')(path)) }}
{%- endmacro %}

{% macro default__manifest_text_query(path) -%}
    select content from read_text({{ file_path_literal(path) }})
{%- endmacro %}

{% macro spark__manifest_text_query(path) -%}
    select value from text.`{{ hadoop_path(path) }}`
{%- endmacro %}

{% macro file_path_literal(path) -%}
    {%- set escaped = [] -%}
    {%- for character in path -%}
        {%- do escaped.append('[' ~ character ~ ']' if character in '[]*?' else character) -%}
    {%- endfor -%}
    {{ sql_literal(escaped | join('')) }}
{%- endmacro %}

{% macro hadoop_path(path) -%}
    {#- A path as Spark's file sources take it inside backticks: Hadoop expands * ? [ ] { } as a
        glob, so each is escaped with a backslash (the backslash first); a backtick is doubled. -#}
    {%- set escaped = [] -%}
    {%- for character in path -%}
        {%- if character == '`' -%}
            {%- do escaped.append('``') -%}
        {%- elif character in '\\*?[]{}' -%}
            {%- do escaped.append('\\' ~ character) -%}
        {%- else -%}
            {%- do escaped.append(character) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ escaped | join('') }}
{%- endmacro %}

{% macro files_to_load(source_name, loaded_model) -%}
    {%- set current = input_files(source_name) -%}
    {%- if not execute or not current -%}{{ return(current) }}{%- endif -%}
    {%- set node = graph.nodes.values() | selectattr('name', 'equalto', loaded_model) | first -%}
    {%- set loaded_relation = adapter.get_relation(node.database, node.schema, node.alias) -%}
    {%- if loaded_relation is none or flags.FULL_REFRESH or node.config.materialized != 'incremental' -%}
        {{ return(current) }}
    {%- endif -%}
    {%- set loaded = [] -%}
    {%- for row in run_query(
        'select distinct source_file, source_file_version from ' ~ loaded_relation
    ).rows -%}
        {%- do loaded.append(row[0] ~ '\n' ~ row[1]) -%}
    {%- endfor -%}
    {%- set new_files = [] -%}
    {%- for file in current -%}
        {%- if file.source_file ~ '\n' ~ file.source_file_version not in loaded -%}
            {%- do new_files.append(file) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(new_files) }}
{%- endmacro %}

{% macro input_file_versions_values(files) -%}
    {#- The files with their versions as a relation: (source_file, source_file_version). -#}
    (values
        {%- for file in files %}
        ({{ sql_literal(file.source_file) }}, {{ sql_literal(file.source_file_version) }})
        {%- if not loop.last %},{% endif %}
        {%- endfor %}
        {%- if not files %}
        (cast(null as {{ text_type() }}), cast(null as {{ text_type() }}))
        {%- endif %}
    ) as input_files (source_file, source_file_version)
{%- endmacro %}

{% macro forget_stale_files(source_name) -%}
    {%- if is_incremental() -%}
        delete from {{ this }}
        where not exists (
            select 1
            from {{ input_file_versions_values(input_files(source_name)) }}
            where
                input_files.source_file = {{ this }}.source_file
                and input_files.source_file_version = {{ this }}.source_file_version
        )
    {%- endif -%}
{%- endmacro %}
