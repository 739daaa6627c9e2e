{#- Incremental loading by file. `loaded_model` holds one row per raw line, with the
    source_file and source_file_version it came from.

    files_to_load: the input files whose current version is not loaded yet; every file on a
    first or --full-refresh build. The loaded model is looked up in the graph rather than
    through ref(), which would make the reading model depend on its own consumer. -#}
{% macro files_to_load(source_name, loaded_model) -%}
    {%- set current = input_file_versions(source_name) -%}
    {%- if not execute -%}{{ return(current) }}{%- endif -%}
    {%- set node = graph.nodes.values() | selectattr('name', 'equalto', loaded_model) | first -%}
    {%- set loaded_relation = adapter.get_relation(node.database, node.schema, node.alias) -%}
    {%- if loaded_relation is none or flags.FULL_REFRESH -%}{{ return(current) }}{%- endif -%}
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

{#- Pre-hook of an incremental loaded model: delete the lines of every file version that is no
    longer an input (the file changed, or left the inputs). It runs in the model's
    transaction, with the insert of the new versions' lines. -#}
{% macro forget_stale_files(source_name) -%}
    {%- if is_incremental() -%}
        delete from {{ this }}
        where not exists (
            select 1
            from (values
                {%- for file in input_file_versions(source_name) %}
                ({{ sql_literal(file.source_file) }}, {{ sql_literal(file.source_file_version) }})
                {%- if not loop.last %},{% endif %}
                {%- endfor %}
            ) as inputs (source_file, source_file_version)
            where
                inputs.source_file = {{ this }}.source_file
                and inputs.source_file_version = {{ this }}.source_file_version
        )
    {%- endif -%}
{%- endmacro %}
