-- result_categories: one row per flow, result key and category; RapidPro's result charts.
with

value_counts as (
    select * from int_result_value_counts
),

result_names as (
    select * from int_result_names
),

flows as (
    select * from flow_summary
),

-- a run's current category for the key; a value without a category is not counted anywhere
category_counts as (
    select
        flow_uuid,
        result_key,
        category,
        sum(value_count) as runs
    from value_counts
    where category is not null
    group by
        flow_uuid,
        result_key,
        category
),

ranked as (
    select
        flow_uuid,
        result_key,
        category,
        runs,
        sum(runs) over (partition by flow_uuid, result_key) as result_runs,
        count(*) over (partition by flow_uuid, result_key) as result_category_count,
        row_number() over (
            partition by flow_uuid, result_key
            order by
                case category when 'Other' then 1 when 'No Response' then 2 else 0 end,
                runs desc,
                category
        ) as sort_order
    from category_counts
),

final as (
    select
        ranked.flow_uuid,
        flows.flow_name,
        ranked.result_key,
        result_names.result_name,
        ranked.category,
        ranked.runs,
        ranked.runs / ranked.result_runs as share,
        ranked.runs / flows.runs as share_of_runs,
        ranked.sort_order,
        ranked.result_category_count = 1 and ranked.category = 'All Responses' as free_text
    from ranked
    left join flows
        on ranked.flow_uuid = flows.flow_uuid
    left join result_names
        on ranked.flow_uuid = result_names.flow_uuid
        and ranked.result_key = result_names.result_key
)

select * from final
