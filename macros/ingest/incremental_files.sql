{% macro files_to_load(source_name, loaded_model) -%}
    {%- set current = input_file_versions(source_name) -%}
    {%- if not execute -%}{{ return(current) }}{%- endif -%}
    {%- set node = graph.nodes.values() | selectattr('name', 'equalto', loaded_model) | first -%}
    {%- set loaded_relation = adapter.get_relation(node.database, node.schema, node.alias) -%}
    {%- if loaded_relation is none or flags.FULL_REFRESH or node.config.materialized != 'incremental' -%}{{ return(current) }}{%- endif -%}
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
