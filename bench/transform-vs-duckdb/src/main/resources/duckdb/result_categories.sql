with

category_counts as (
    select flow_uuid, result_key, category, sum(value_count) as runs
    from result_value_counts
    where category is not null
    group by all
),

ranked as (
    select
        *,
        sum(runs) over by_result as result_runs,
        count(*) over by_result as result_category_count,
        row_number() over (
            partition by flow_uuid, result_key
            order by case category when 'Other' then 1 when 'No Response' then 2 else 0 end, runs desc, category
        ) as sort_order
    from category_counts
    window by_result as (partition by flow_uuid, result_key)
),

final as (
    select
        ranked.flow_uuid,
        flow_summary.flow_name,
        ranked.result_key,
        result_names.result_name,
        ranked.category,
        ranked.runs,
        ranked.runs / ranked.result_runs as share,
        ranked.runs / flow_summary.runs as share_of_runs,
        ranked.sort_order,
        ranked.result_category_count = 1 and ranked.category = 'All Responses' as free_text
    from ranked
    left join flow_summary on ranked.flow_uuid = flow_summary.flow_uuid
    left join result_names on ranked.flow_uuid = result_names.flow_uuid and ranked.result_key = result_names.result_key
)

select * from final
