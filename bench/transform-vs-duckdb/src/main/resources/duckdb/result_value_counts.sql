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
        -- what the flow's rules did not match neither makes nor breaks a number (docs/marts.md)
        coalesce(category, '') in ('Other', 'No Response') as is_unmatched,
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
        case when is_numeric and not is_unmatched then try_cast(trim(value, ' ') as double) end as numeric_value,
        count(*) as value_count,
        count(*) filter (where not is_numeric and not is_empty and not is_unmatched) as non_numeric_count,
        max(run_modified_on) as last_modified_on
    from classified
    group by all
)

select * from final
