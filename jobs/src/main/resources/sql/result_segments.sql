-- result_segments: one row per flow, result key, category, dimension and segment; the runs of
-- the segment whose current value for the key has that category. The share has
-- result_categories' denominator, taken within the segment: the segment's runs with a
-- categorised value for the result.
with

run_values as (
    select * from stg_run_values
),

run_segments as (
    select * from int_run_segments
),

result_names as (
    select * from int_result_names
),

segment_runs as (
    select * from flow_segments
),

category_counts as (
    select
        run_values.flow_uuid,
        run_values.result_key,
        run_values.category,
        run_segments.dimension,
        run_segments.segment,
        count(*) as runs
    from run_values
    join run_segments
        on run_values.run_uuid = run_segments.run_uuid
    where run_values.category is not null
    group by
        run_values.flow_uuid,
        run_values.result_key,
        run_values.category,
        run_segments.dimension,
        run_segments.segment
),

shared as (
    select
        *,
        sum(runs) over (partition by flow_uuid, result_key, dimension, segment) as segment_result_runs
    from category_counts
),

final as (
    select
        shared.flow_uuid,
        segment_runs.flow_name,
        shared.result_key,
        result_names.result_name,
        shared.category,
        shared.dimension,
        shared.segment,
        shared.runs,
        shared.runs / shared.segment_result_runs as share,
        segment_runs.suppressed
    from shared
    left join segment_runs
        on shared.flow_uuid = segment_runs.flow_uuid
        and shared.dimension = segment_runs.dimension
        and shared.segment = segment_runs.segment
    left join result_names
        on shared.flow_uuid = result_names.flow_uuid
        and shared.result_key = result_names.result_key
)

select * from final
