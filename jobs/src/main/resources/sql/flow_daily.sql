-- flow_daily: one row per flow and UTC day of run start; the trend behind flow_summary.
with

runs as (
    select * from stg_runs
),

flows as (
    select * from flow_summary
),

daily as (
    select
        flow_uuid,
        -- the UTC calendar day, whatever the session time zone is
        date_from_unix_date(cast(floor(unix_seconds(created_on) / 86400) as int)) as day,
        count(*) as runs_started,
        count_if(exit_type = 'completed') as completed,
        count_if(responded) as responded
    from runs
    group by all
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
