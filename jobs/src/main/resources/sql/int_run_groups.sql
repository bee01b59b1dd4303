-- int_run_groups: the one pass over the runs that flow_summary, flow_daily and node_dropoff read.
-- One scan groups the runs three ways at once (grouping sets), each group named in `grouping_name`:
--   completion: flow, name, state, responded and whole seconds to complete (flow_summary);
--   day:        flow, UTC day of start, state and responded (flow_daily);
--   path:       flow, state, last node and the distinct nodes of the path (node_dropoff).
-- Runs repeat these keys (a flow has few states, days and paths), so the marts read thousands of
-- groups, not millions of runs: at 10M runs, 541,054 groups.
with

runs as (
    select * from stg_runs
),

keyed as (
    select
        flow_uuid,
        flow_name,
        exit_type,
        responded,
        -- whole seconds from start to exit, truncated; only completed runs have one
        case
            when exit_type = 'completed'
                then (unix_micros(exited_on) - unix_micros(created_on)) div 1000000
        end as seconds_to_complete,
        -- the UTC calendar day, whatever the session time zone is
        date_from_unix_date(cast(floor(unix_seconds(created_on) / 86400) as int)) as day,
        last_node,
        -- a node counts once per run however often the run looped through it; null without a path
        array_distinct(path.node) as visited_nodes,
        created_on,
        modified_on
    from runs
),

grouped as (
    select
        -- a key column belongs to one grouping only, so grouping() names the group, even where
        -- the key's value is null
        case
            when grouping(seconds_to_complete) = 0 then 'completion'
            when grouping(day) = 0 then 'day'
            else 'path'
        end as grouping_name,
        flow_uuid,
        flow_name,
        exit_type,
        responded,
        seconds_to_complete,
        day,
        last_node,
        visited_nodes,
        count(*) as run_count,
        min(created_on) as first_started_on,
        max(modified_on) as last_modified_on
    from keyed
    group by grouping sets (
        (flow_uuid, flow_name, exit_type, responded, seconds_to_complete),
        (flow_uuid, day, exit_type, responded),
        (flow_uuid, exit_type, last_node, visited_nodes)
    )
)

select * from grouped
