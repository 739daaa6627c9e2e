-- One row per distinct raw row: exact duplicates collapsed (and counted), every column parsed
-- with try_ casts, and the first reason, if any, that the row cannot be used. The spec's order:
-- de-duplicate exact rows first, then validate.
{{ config(materialized='table') }}

with distinct_rows as (
    {{ distinct_raw_rows(ref('stg_store__events_raw')) }}
),

parsed as (
    select
        *,
        -- Exports differ in whether they keep the ' UTC' suffix; both mean UTC.
        try_strptime(event_time, ['%Y-%m-%d %H:%M:%S UTC', '%Y-%m-%d %H:%M:%S']) as parsed_event_at,
        {{ parse_integer_id('product_id') }} as parsed_product_id,
        {{ parse_integer_id('category_id') }} as parsed_category_id,
        -- Rounds to the cent half away from zero (10.005 -> 10.01, -0.004 -> 0.00): a price
        -- written through a float (31.900000000000002) is kept as 31.90, not quarantined.
        -- Text that is not a number, or does not fit decimal(18, 2), gives null (invalid_price).
        try_cast(price as decimal(18, 2)) as parsed_price,
        {{ parse_integer_id('user_id') }} as parsed_user_id
    from distinct_rows
),

final as (
    select
        {{ raw_row_key([
            'event_time', 'event_type', 'product_id', 'category_id', 'category_code', 'brand',
            'price', 'user_id', 'user_session', 'extra_values',
        ]) }} as raw_row_id,
        event_time,
        event_type,
        product_id,
        category_id,
        category_code,
        brand,
        price,
        user_id,
        user_session,
        extra_values,
        duplicate_count,
        parsed_event_at,
        parsed_product_id,
        parsed_category_id,
        parsed_price,
        parsed_user_id,
        case
            when extra_values is not null then 'extra_fields'
            when event_time is null then 'missing_event_time'
            when parsed_event_at is null then 'invalid_event_time'
            when
                event_type is null
                or event_type not in ({{ sql_string_list(var('accepted_event_types')) }})
                then 'invalid_event_type'
            when user_id is null then 'missing_user_id'
            when parsed_user_id is null then 'invalid_user_id'
            when product_id is null then 'missing_product_id'
            when parsed_product_id is null then 'invalid_product_id'
            when category_id is not null and parsed_category_id is null then 'invalid_category_id'
            when price is null then 'missing_price'
            when parsed_price is null then 'invalid_price'
            when parsed_price <= 0 then 'non_positive_price'
        end as reject_reason
    from parsed
)

select * from final
