-- Every row of the event files still to load (new or changed since the last build; all of
-- them on a full refresh), as the engine's CSV reader returns it: each column as text, by name.
{{ config(materialized='ephemeral') }}

{#- The source node documents the export; export_rows reads its files. -#}
{%- do source('store', 'events') %}

{{ export_rows('store', files_to_load('store', 'base_store__events')) }}
