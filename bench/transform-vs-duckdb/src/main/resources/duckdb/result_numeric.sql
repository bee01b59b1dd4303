with

stats as (
    select
        flow_uuid,
        result_key,
        sum(non_numeric_count) as non_numeric_count,
        sum(value_count) filter (where numeric_value is not null) as n,
        min(numeric_value) as min_value,
        max(numeric_value) as max_value,
        sum(numeric_value * value_count) as value_sum
    from result_value_counts
    group by all
),

-- DuckDB's quantile_cont takes no weights: expand the (value, count) groups back to values
expanded as (
    select flow_uuid, result_key, numeric_value
    from result_value_counts, range(value_count)
    where numeric_value is not null
),

quartiles as (
    select flow_uuid, result_key, quantile_cont(numeric_value, [0.25, 0.5, 0.75]) as q
    from expanded
    group by all
),

final as (
    select
        stats.flow_uuid,
        stats.result_key,
        result_names.result_name,
        stats.n,
        stats.min_value as min,
        stats.max_value as max,
        stats.value_sum / stats.n as mean,
        quartiles.q[1] as p25,
        quartiles.q[2] as p50,
        quartiles.q[3] as p75
    from stats
    join quartiles on stats.flow_uuid = quartiles.flow_uuid and stats.result_key = quartiles.result_key
    left join result_names on stats.flow_uuid = result_names.flow_uuid and stats.result_key = result_names.result_key
    where stats.non_numeric_count = 0 and stats.n > 0
)

select * from final
