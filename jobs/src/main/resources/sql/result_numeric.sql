-- result_numeric: one row per flow and result key whose every non-empty value is a number.
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

stats as (
    select
        flow_uuid,
        result_key,
        sum(non_numeric_count) as non_numeric_count,
        sum(value_count) filter (where numeric_value is not null) as n,
        min(numeric_value) as min_value,
        max(numeric_value) as max_value,
        sum(numeric_value * value_count) as value_sum,
        -- exact, linearly interpolated between closest ranks, as in flow_summary
        percentile(numeric_value, array(0.25, 0.5, 0.75), value_count) as quartiles
    from value_counts
    group by
        flow_uuid,
        result_key
),

final as (
    select
        stats.flow_uuid,
        flows.flow_name,
        stats.result_key,
        result_names.result_name,
        stats.n,
        stats.min_value as min,
        stats.max_value as max,
        stats.value_sum / stats.n as mean,
        stats.quartiles[0] as p25,
        stats.quartiles[1] as p50,
        stats.quartiles[2] as p75
    from stats
    left join flows
        on stats.flow_uuid = flows.flow_uuid
    left join result_names
        on stats.flow_uuid = result_names.flow_uuid
        and stats.result_key = result_names.result_key
    where stats.non_numeric_count = 0
        and stats.n > 0
)

select * from final
