-- Every engine-dispatched macro (macros/engine and the dispatching ingest / statistics macros)
-- applied to text cases: its unit tests pin what each returns, on DuckDB (make test) and on
-- Spark (make test-spark), so a change to either variant that makes the engines disagree
-- fails. Nothing reads this model. export_rows and input_files read files, not
-- rows: the engine equality check of make test-spark covers them.
with cases as (
    select * from {{ ref('engine_macro_cases') }}
),

parsed as (
    select
        case_id,
        line_text,
        token,
        {{ csv_line_fields('line_text') }} as field_values,
        {{ parse_timestamp('timestamp_text', ['%Y-%m-%d %H:%M:%S UTC', '%Y-%m-%d %H:%M:%S']) }} as parsed_at,
        {{ record([('id', 'case_id'), ('token', 'token')]) }} as case_record
    from cases
),

final as (
    select
        case_id,
        {{ list_length('field_values') }} as field_count,
        {{ list_element('field_values', 2) }} as second_field,
        {{ list_element('field_values', 9) }} as ninth_field,
        {{ list_text_from('field_values', 3) }} as text_from_third_field,
        {{ regex_full_match('token', '[0-9]+') }} as is_digit_string,
        {{ regex_contains('line_text', '[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]') }} as has_control_character,
        try_cast({{ regex_extract('token', '^([0-9]+)(\\.0*)?$', 1) }} as integer) as integer_code,
        parsed_at,
        cast({{ iso_weekday('parsed_at') }} as integer) as iso_weekday,
        {{ weekday_name('parsed_at') }} as weekday_name,
        {{ year_month_text('parsed_at') }} as month_text,
        {{ row_md5(['case_id', 'token', 'parsed_at']) }} as row_fingerprint,
        case_record['token'] as record_token,
        cast(case_id as {{ text_type() }}) || '|' || {{ sql_literal("it's") }} as literal_text,
        length({{ sql_literal('\\') }}) as backslash_literal_length,
        {{ continuous_percentile('case_id', 0.25) }} over () as case_id_p25,
        {{ arg_max_by('token', ['length(token)', '-case_id']) }} over () as longest_token
    from parsed
)

select * from final
