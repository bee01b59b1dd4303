-- flow_daily: one row per flow and UTC day of run start; the trend behind flow_summary.
with

run_groups as (
    select * from int_run_groups
    where grouping_name = 'day'
),

flows as (
    select * from flow_summary
),

daily as (
    select
        flow_uuid,
        day,
        coalesce(sum(run_count), 0) as runs_started,
        coalesce(sum(run_count) filter (where exit_type = 'completed'), 0) as completed,
        coalesce(sum(run_count) filter (where responded), 0) as responded
    from run_groups
    group by
        flow_uuid,
        day
),

final as (
    select
        daily.flow_uuid,
        flows.flow_name,
        daily.day,
        daily.runs_started,
        daily.completed,
        daily.responded,
        daily.completed / daily.runs_started as completion_rate,
        daily.responded / daily.runs_started as response_rate
    from daily
    left join flows
        on daily.flow_uuid = flows.flow_uuid
)

select * from final
