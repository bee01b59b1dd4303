with

daily as (
    select
        flow_uuid,
        date '1970-01-01' + cast(epoch_us(created_on) // 86400000000 as integer) as day,
        count(*) as runs_started,
        count(*) filter (where exit_type = 'completed') as completed,
        count(*) filter (where responded) as responded
    from runs
    group by all
),

final as (
    select
        *,
        completed / runs_started as completion_rate,
        responded / runs_started as response_rate
    from daily
)

select * from final
