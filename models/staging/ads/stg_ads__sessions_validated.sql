-- One row per distinct raw session row: exact duplicates collapsed (and counted), every column
-- parsed with try_ casts, and the reason, if any, that the row cannot be used. Order of
-- cleaning: de-duplicate exact rows first, then validate each row, then quarantine every row
-- of a session_id that still appears with different contents (never pick one silently).
{{ config(materialized='table') }}

with distinct_rows as (
    {{ distinct_raw_rows(ref('stg_ads__sessions_raw')) }}
),

trimmed as (
    -- read_csv gives null for an empty field; a blank one is treated the same.
    select
        *,
        nullif(trim(raw_session_id), '') as session_id_text,
        nullif(trim(raw_datetime), '') as datetime_text,
        nullif(trim(raw_user_id), '') as user_id_text,
        nullif(trim(raw_product), '') as product_text,
        nullif(trim(raw_campaign_id), '') as campaign_id_text,
        nullif(trim(raw_webpage_id), '') as webpage_id_text,
        nullif(trim(raw_product_category_1), '') as product_category_1_text,
        nullif(trim(raw_product_category_2), '') as product_category_2_text,
        nullif(trim(raw_user_group_id), '') as user_group_id_text,
        nullif(trim(raw_gender), '') as gender_text,
        nullif(trim(raw_age_level), '') as age_level_text,
        nullif(trim(raw_user_depth), '') as user_depth_text,
        nullif(trim(raw_city_development_index), '') as city_development_index_text,
        nullif(trim(raw_var_1), '') as var_1_text,
        nullif(trim(raw_is_click), '') as is_click_text
    from distinct_rows
),

parsed as (
    -- Ids: digits only (parse_integer_id). Codes: an integer, optionally written as a float
    -- (parse_integer_code). Anything else parses to null.
    select
        *,
        {{ parse_integer_id('session_id_text') }} as parsed_session_id,
        try_strptime(datetime_text, '%Y-%m-%d %H:%M') as parsed_session_at,
        {{ parse_integer_id('user_id_text') }} as parsed_user_id,
        {{ parse_integer_id('campaign_id_text') }} as parsed_campaign_id,
        {{ parse_integer_id('webpage_id_text') }} as parsed_webpage_id,
        {{ parse_integer_code('product_category_1_text') }} as parsed_product_category_1,
        {{ parse_integer_code('product_category_2_text', 'bigint') }} as parsed_product_category_2,
        {{ parse_integer_code('user_group_id_text') }} as parsed_user_group_id,
        {{ parse_integer_code('age_level_text') }} as parsed_age_level,
        {{ parse_integer_code('user_depth_text') }} as parsed_user_depth,
        {{ parse_integer_code('city_development_index_text') }} as parsed_city_development_index,
        {{ parse_integer_code('var_1_text') }} as parsed_var_1,
        case is_click_text when '1' then true when '0' then false end as parsed_is_clicked
    from trimmed
),

row_checked as (
    -- The first defect found, in this precedence: the row's shape (values past the header),
    -- identity, then time, then outcome, then the remaining attributes. A required value that
    -- is empty counts as invalid.
    select
        *,
        case
            when extra_values is not null then 'extra_fields'
            when session_id_text is null then 'missing_session_id'
            when
                parsed_session_id is null
                or parsed_user_id is null
                or parsed_campaign_id is null
                or parsed_webpage_id is null
                then 'invalid_id'
            when parsed_session_at is null then 'invalid_datetime'
            when parsed_is_clicked is null then 'invalid_is_click'
            when
                parsed_product_category_1 is null
                or (product_category_2_text is not null and parsed_product_category_2 is null)
                or (user_group_id_text is not null and parsed_user_group_id is null)
                or (age_level_text is not null and parsed_age_level is null)
                or (user_depth_text is not null and parsed_user_depth is null)
                or (city_development_index_text is not null and parsed_city_development_index is null)
                or (var_1_text is not null and parsed_var_1 is null)
                then 'invalid_attribute'
        end as row_defect
    from parsed
),

conflicts_counted as (
    -- How many distinct, otherwise usable rows carry the same session_id.
    select
        *,
        count(*) filter (where row_defect is null)
            over (partition by parsed_session_id)
            as usable_rows_with_session_id
    from row_checked
),

final as (
    select
        {{ raw_row_key([
            'raw_session_id', 'raw_datetime', 'raw_user_id', 'raw_product', 'raw_campaign_id',
            'raw_webpage_id', 'raw_product_category_1', 'raw_product_category_2', 'raw_user_group_id',
            'raw_gender', 'raw_age_level', 'raw_user_depth', 'raw_city_development_index', 'raw_var_1',
            'raw_is_click', 'extra_values',
        ]) }} as raw_row_id,
        raw_session_id,
        raw_datetime,
        raw_user_id,
        raw_product,
        raw_campaign_id,
        raw_webpage_id,
        raw_product_category_1,
        raw_product_category_2,
        raw_user_group_id,
        raw_gender,
        raw_age_level,
        raw_user_depth,
        raw_city_development_index,
        raw_var_1,
        raw_is_click,
        extra_values,
        duplicate_count,
        parsed_session_id,
        parsed_session_at,
        parsed_user_id,
        product_text as parsed_product,
        parsed_campaign_id,
        parsed_webpage_id,
        parsed_product_category_1,
        parsed_product_category_2,
        parsed_user_group_id,
        gender_text as parsed_gender,
        parsed_age_level,
        parsed_user_depth,
        parsed_city_development_index,
        parsed_var_1,
        parsed_is_clicked,
        coalesce(
            row_defect,
            case when usable_rows_with_session_id > 1 then 'conflicting_session_id' end
        ) as reject_reason
    from conflicts_counted
)

select * from final
