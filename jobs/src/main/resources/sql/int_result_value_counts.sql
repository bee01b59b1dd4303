-- int_result_value_counts: the one pass over run_values that every result mart reads.
-- One row per flow, result key, name, node, category and numeric value, with how many runs hold
-- it. Free text collapses to numeric_value null, so this stays small however many runs there are.
with

run_values as (
    select * from stg_run_values
),

classified as (
    select
        flow_uuid,
        result_key,
        result_name,
        node_uuid,
        category,
        run_modified_on,
        -- "numeric": a plain decimal number, spaces around it allowed (documented in docs/marts.md)
        value rlike '^ *[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+) *$' as is_numeric,
        -- empty values are what a timeout ("No Response") writes: they neither make nor break a number
        coalesce(trim(value), '') = '' as is_empty,
        -- "Other" and "No Response" hold what the flow's rules did not match (a "has number"
        -- split sends words and out-of-range numbers there): they neither make nor break a number
        coalesce(category, '') in ('Other', 'No Response') as is_unmatched,
        value
    from run_values
),

typed as (
    select
        flow_uuid,
        result_key,
        result_name,
        node_uuid,
        category,
        run_modified_on,
        case when is_numeric and not is_unmatched then cast(trim(value) as double) end as numeric_value,
        not is_numeric and not is_empty and not is_unmatched as is_non_numeric
    from classified
),

final as (
    select
        flow_uuid,
        result_key,
        result_name,
        node_uuid,
        category,
        numeric_value,
        count(*) as value_count,
        count_if(is_non_numeric) as non_numeric_count,
        max(run_modified_on) as last_modified_on
    from typed
    group by
        flow_uuid,
        result_key,
        result_name,
        node_uuid,
        category,
        numeric_value
)

select * from final
