-- The categories of a result share its runs: shares sum to 1, no result has more runs than its
-- flow, and sort_order ranks the categories 1..n.
with

results as (
    select
        flow_uuid,
        result_key,
        sum(share) as total_share,
        sum(runs) as result_runs,
        count(*) as category_count,
        count(distinct sort_order) as distinct_sort_orders,
        min(sort_order) as first_sort_order,
        max(sort_order) as last_sort_order
    from result_categories
    group by
        flow_uuid,
        result_key
),

flows as (
    select * from flow_summary
),

final as (
    select
        results.*,
        flows.runs as flow_runs
    from results
    left join flows
        on results.flow_uuid = flows.flow_uuid
    where abs(results.total_share - 1) > 1e-9
        or flows.runs is null
        or results.result_runs > flows.runs
        or results.distinct_sort_orders != results.category_count
        or results.first_sort_order != 1
        or results.last_sort_order != results.category_count
)

select * from final
