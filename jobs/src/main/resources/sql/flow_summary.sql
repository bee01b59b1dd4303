-- flow_summary: one row per flow; the numbers RapidPro shows on its flow list and progress chart.
with

-- the runs in groups of one completion time each (int_run_groups), so the name, counts and
-- percentiles below work on thousands of rows, not millions
run_groups as (
    select
        flow_uuid,
        flow_name,
        exit_type,
        responded,
        seconds_to_complete,
        run_count,
        first_started_on,
        last_modified_on
    from int_run_groups
    where grouping_name = 'completion'
),

flows as (
    select
        flow_uuid,
        -- the name on the most recently modified run that carries one (ties: the greater name)
        max(struct(last_modified_on, flow_name))
            filter (where flow_name is not null) as latest_name,
        sum(run_count) as runs,
        coalesce(sum(run_count) filter (where exit_type is null), 0) as ongoing,
        coalesce(sum(run_count) filter (where exit_type = 'completed'), 0) as completed,
        coalesce(sum(run_count) filter (where exit_type = 'interrupted'), 0) as interrupted,
        coalesce(sum(run_count) filter (where exit_type = 'expired'), 0) as expired,
        coalesce(sum(run_count) filter (where exit_type = 'failed'), 0) as failed,
        coalesce(sum(run_count) filter (where responded), 0) as responded,
        -- exact, linearly interpolated between closest ranks (numpy "linear", PERCENTILE.INC)
        percentile(seconds_to_complete, array(0.5, 0.9), run_count) as completion_percentiles,
        min(first_started_on) as first_started_on,
        max(last_modified_on) as last_modified_on
    from run_groups
    group by flow_uuid
),

final as (
    select
        flow_uuid,
        latest_name.flow_name as flow_name,
        runs,
        ongoing,
        completed,
        interrupted,
        expired,
        failed,
        responded,
        completed / runs as completion_rate,
        responded / runs as response_rate,
        interrupted / runs as interruption_rate,
        expired / runs as expiry_rate,
        failed / runs as failure_rate,
        completion_percentiles[0] as median_seconds_to_complete,
        completion_percentiles[1] as p90_seconds_to_complete,
        first_started_on,
        last_modified_on
    from flows
)

select * from final
