-- Every row of the session files still to load (new or changed since the last build; all of
-- them on a full refresh), as the engine's CSV reader returns it: each column as text, by name.
{{ config(materialized='ephemeral') }}

{#- The source node documents the export; export_rows reads its files. -#}
{%- do source('ads', 'sessions') %}

{{ export_rows('ads', files_to_load('ads', 'base_ads__sessions')) }}
