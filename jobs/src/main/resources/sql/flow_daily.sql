-- flow_daily: one row per flow and UTC day of run start; the trend behind flow_summary.
with

runs as (
    select * from stg_runs
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
        flow_uuid,
        day,
        runs_started,
        completed,
        responded,
        completed / runs_started as completion_rate,
        responded / runs_started as response_rate
    from daily
)

select * from final
