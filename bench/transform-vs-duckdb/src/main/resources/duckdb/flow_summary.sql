-- flowlake's flow_summary in DuckDB, same definitions (docs/marts.md)
with

runs_timed as (
    select
        flow_uuid,
        flow_name,
        exit_type,
        responded,
        created_on,
        modified_on,
        case
            when exit_type = 'completed' then (epoch_us(exited_on) - epoch_us(created_on)) // 1000000
        end as seconds_to_complete
    from runs
),

final as (
    select
        flow_uuid,
        arg_max(flow_name, (modified_on, flow_name)) filter (where flow_name is not null) as flow_name,
        count(*) as runs,
        count(*) filter (where exit_type is null) as ongoing,
        count(*) filter (where exit_type = 'completed') as completed,
        count(*) filter (where exit_type = 'interrupted') as interrupted,
        count(*) filter (where exit_type = 'expired') as expired,
        count(*) filter (where exit_type = 'failed') as failed,
        count(*) filter (where responded) as responded,
        count(*) filter (where exit_type = 'completed') / count(*) as completion_rate,
        count(*) filter (where responded) / count(*) as response_rate,
        count(*) filter (where exit_type = 'interrupted') / count(*) as interruption_rate,
        count(*) filter (where exit_type = 'expired') / count(*) as expiry_rate,
        count(*) filter (where exit_type = 'failed') / count(*) as failure_rate,
        quantile_cont(seconds_to_complete, 0.5) as median_seconds_to_complete,
        quantile_cont(seconds_to_complete, 0.9) as p90_seconds_to_complete,
        min(created_on) as first_started_on,
        max(modified_on) as last_modified_on
    from runs_timed
    group by flow_uuid
)

select * from final
