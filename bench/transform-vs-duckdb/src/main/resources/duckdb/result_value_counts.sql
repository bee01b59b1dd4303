with

classified as (
    select
        flow_uuid,
        result_key,
        result_name,
        node_uuid,
        category,
        run_modified_on,
        regexp_full_match(coalesce(value, ''), ' *[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+) *') as is_numeric,
        coalesce(trim(value, ' '), '') = '' as is_empty,
        value
    from run_values
),

final as (
    select
        flow_uuid,
        result_key,
        result_name,
        node_uuid,
        category,
        case when is_numeric then try_cast(trim(value, ' ') as double) end as numeric_value,
        count(*) as value_count,
        count(*) filter (where not is_numeric and not is_empty) as non_numeric_count,
        max(run_modified_on) as last_modified_on
    from classified
    group by all
)

select * from final
