-- The segments of a dimension hold the flow's runs: for every dimension but group, each run is in
-- exactly one segment, so runs, each exit type and responded add up to flow_summary's row; a
-- group's segments overlap, so together they hold at least the flow's runs and each at most all.
-- Every flow has every dimension, and suppressed says runs < --min-segment-runs.
with

dimensions as (
    select * from segment_dimensions
),

flows as (
    select * from flow_summary
),

segments as (
    select * from flow_segments
),

sums as (
    select
        flow_uuid,
        dimension,
        sum(runs) as runs,
        sum(ongoing) as ongoing,
        sum(completed) as completed,
        sum(interrupted) as interrupted,
        sum(expired) as expired,
        sum(failed) as failed,
        sum(responded) as responded,
        max(runs) as largest_segment_runs
    from segments
    group by
        flow_uuid,
        dimension
),

expected as (
    select
        flows.*,
        dimensions.dimension,
        dimensions.kind
    from flows
    cross join dimensions
),

miscounted as (
    select
        coalesce(expected.flow_uuid, sums.flow_uuid) as flow_uuid,
        coalesce(expected.dimension, sums.dimension) as dimension,
        expected.runs as flow_runs,
        sums.runs as segment_runs
    from expected
    full outer join sums
        on expected.flow_uuid = sums.flow_uuid
        and expected.dimension = sums.dimension
    where expected.flow_uuid is null
        or sums.flow_uuid is null
        or (
            expected.kind != 'group'
            and (
                sums.runs != expected.runs
                or sums.ongoing != expected.ongoing
                or sums.completed != expected.completed
                or sums.interrupted != expected.interrupted
                or sums.expired != expected.expired
                or sums.failed != expected.failed
                or sums.responded != expected.responded
            )
        )
        or (
            expected.kind = 'group'
            and (sums.runs < expected.runs or sums.largest_segment_runs > expected.runs)
        )
),

mislabelled as (
    select
        segments.flow_uuid,
        segments.dimension,
        cast(null as bigint) as flow_runs,
        segments.runs as segment_runs
    from segments
    cross join segment_settings
    where segments.suppressed != (segments.runs < segment_settings.min_segment_runs)
),

final as (
    select * from miscounted
    union all
    select * from mislabelled
)

select * from final
