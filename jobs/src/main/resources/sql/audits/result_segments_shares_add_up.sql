-- Within a segment, the categories of a result share its runs: shares sum to 1 and no result has
-- more runs than its segment. For every dimension but group, a category's runs over the segments
-- add up to its runs in result_categories.
with

dimensions as (
    select * from segment_dimensions
),

results as (
    select
        flow_uuid,
        result_key,
        dimension,
        segment,
        sum(share) as total_share,
        sum(runs) as result_runs
    from result_segments
    group by
        flow_uuid,
        result_key,
        dimension,
        segment
),

unshared as (
    select
        results.flow_uuid,
        results.result_key,
        results.dimension,
        results.segment,
        results.result_runs as runs,
        flow_segments.runs as expected_runs
    from results
    left join flow_segments
        on results.flow_uuid = flow_segments.flow_uuid
        and results.dimension = flow_segments.dimension
        and results.segment = flow_segments.segment
    where abs(results.total_share - 1) > 1e-9
        or flow_segments.runs is null
        or results.result_runs > flow_segments.runs
),

category_sums as (
    select
        result_segments.flow_uuid,
        result_segments.result_key,
        result_segments.category,
        result_segments.dimension,
        sum(result_segments.runs) as runs
    from result_segments
    join dimensions
        on result_segments.dimension = dimensions.dimension
    where dimensions.kind != 'group'
    group by
        result_segments.flow_uuid,
        result_segments.result_key,
        result_segments.category,
        result_segments.dimension
),

expected as (
    select
        result_categories.flow_uuid,
        result_categories.result_key,
        result_categories.category,
        dimensions.dimension,
        result_categories.runs
    from result_categories
    cross join dimensions
    where dimensions.kind != 'group'
),

miscounted as (
    select
        coalesce(expected.flow_uuid, category_sums.flow_uuid) as flow_uuid,
        coalesce(expected.result_key, category_sums.result_key) as result_key,
        coalesce(expected.dimension, category_sums.dimension) as dimension,
        coalesce(expected.category, category_sums.category) as segment,
        category_sums.runs as runs,
        expected.runs as expected_runs
    from expected
    full outer join category_sums
        on expected.flow_uuid = category_sums.flow_uuid
        and expected.result_key = category_sums.result_key
        and expected.category = category_sums.category
        and expected.dimension = category_sums.dimension
    where expected.flow_uuid is null
        or category_sums.flow_uuid is null
        or expected.runs != category_sums.runs
),

final as (
    select * from unshared
    union all
    select * from miscounted
)

select * from final
