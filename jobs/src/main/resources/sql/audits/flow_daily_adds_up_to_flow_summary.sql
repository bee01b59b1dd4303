-- The days of a flow add up to the flow: same runs, completions and responses.
with

daily as (
    select
        flow_uuid,
        sum(runs_started) as runs,
        sum(completed) as completed,
        sum(responded) as responded
    from flow_daily
    group by flow_uuid
),

flows as (
    select * from flow_summary
),

final as (
    select
        coalesce(flows.flow_uuid, daily.flow_uuid) as flow_uuid,
        flows.runs as flow_runs,
        daily.runs as daily_runs
    from flows
    full outer join daily
        on flows.flow_uuid = daily.flow_uuid
    where daily.flow_uuid is null
        or flows.flow_uuid is null
        or flows.runs != daily.runs
        or flows.completed != daily.completed
        or flows.responded != daily.responded
)

select * from final
