-- flow_segments: one row per flow, dimension and segment; flow_summary's counts and rates taken
-- within the segment, so the segments of a non-group dimension add up to the flow's row.
with

run_segments as (
    select * from int_run_segments
),

flows as (
    select * from flow_summary
),

settings as (
    select * from segment_settings
),

dimensions as (
    select * from segment_dimensions
),

segments as (
    select
        flow_uuid,
        dimension,
        segment,
        min(band_position) as band_position,
        count(*) as runs,
        count_if(exit_type is null) as ongoing,
        count_if(exit_type = 'completed') as completed,
        count_if(exit_type = 'interrupted') as interrupted,
        count_if(exit_type = 'expired') as expired,
        count_if(exit_type = 'failed') as failed,
        count_if(responded) as responded
    from run_segments
    group by
        flow_uuid,
        dimension,
        segment
),

final as (
    select
        segments.flow_uuid,
        flows.flow_name,
        segments.dimension,
        segments.segment,
        segments.runs,
        segments.ongoing,
        segments.completed,
        segments.interrupted,
        segments.expired,
        segments.failed,
        segments.responded,
        segments.completed / segments.runs as completion_rate,
        segments.responded / segments.runs as response_rate,
        segments.interrupted / segments.runs as interruption_rate,
        segments.expired / segments.runs as expiry_rate,
        segments.failed / segments.runs as failure_rate,
        segments.runs < settings.min_segment_runs as suppressed,
        dimensions.position as dimension_order,
        -- chart order within the dimension: bands lowest first, else by name; then "(other)",
        -- "(unknown)" and "(no group)"
        row_number() over (
            partition by segments.flow_uuid, segments.dimension
            order by
                case when segments.segment in ('(other)', '(unknown)', '(no group)') then 1 else 0 end,
                segments.band_position,
                segments.segment
        ) as segment_order
    from segments
    cross join settings
    left join flows
        on segments.flow_uuid = flows.flow_uuid
    left join dimensions
        on segments.dimension = dimensions.dimension
)

select * from final
