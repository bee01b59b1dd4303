-- int_result_names: one row per flow and result key, with the name on the most recently modified
-- run that carries one (a renamed result shows its current name; ties go to the greater name).
with

value_counts as (
    select * from int_result_value_counts
),

latest as (
    select
        flow_uuid,
        result_key,
        max(struct(last_modified_on, result_name))
            filter (where result_name is not null) as latest_name
    from value_counts
    group by
        flow_uuid,
        result_key
),

final as (
    select
        flow_uuid,
        result_key,
        latest_name.result_name as result_name
    from latest
)

select * from final
