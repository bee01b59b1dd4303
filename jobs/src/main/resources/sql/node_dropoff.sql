-- node_dropoff: one row per flow and node on a path: how many runs reached it and how many that
-- did not complete stopped there. Needs paths; empty when the lake was pulled with paths=false.
with

run_groups as (
    select * from int_run_groups
    where grouping_name = 'path'
),

value_counts as (
    select * from int_result_value_counts
),

result_names as (
    select * from int_result_names
),

flows as (
    select * from flow_summary
),

-- the node visits of each group of runs sharing a path's distinct nodes (int_run_groups)
visits as (
    select
        flow_uuid,
        exit_type,
        node_uuid,
        node_uuid = last_node as is_last_step,
        run_count
    from run_groups
    lateral view explode(visited_nodes) visited as node_uuid
),

reached as (
    select
        flow_uuid,
        node_uuid,
        coalesce(sum(run_count), 0) as runs_reached,
        coalesce(
            sum(run_count) filter (
                where is_last_step and (exit_type is null or exit_type != 'completed')
            ),
            0
        ) as runs_ended_here,
        coalesce(sum(run_count) filter (where is_last_step and exit_type is null), 0) as ongoing,
        coalesce(
            sum(run_count) filter (where is_last_step and exit_type = 'interrupted'), 0
        ) as interrupted,
        coalesce(sum(run_count) filter (where is_last_step and exit_type = 'expired'), 0) as expired,
        coalesce(sum(run_count) filter (where is_last_step and exit_type = 'failed'), 0) as failed
    from visits
    where node_uuid is not null
    group by
        flow_uuid,
        node_uuid
),

node_results as (
    select
        flow_uuid,
        node_uuid,
        result_key,
        sum(value_count) as runs
    from value_counts
    where node_uuid is not null
    group by
        flow_uuid,
        node_uuid,
        result_key
),

-- the result written most often at the node labels it (ties: the smaller key)
node_labels as (
    select
        node_results.flow_uuid,
        node_results.node_uuid,
        coalesce(result_names.result_name, node_results.result_key) as label,
        row_number() over (
            partition by node_results.flow_uuid, node_results.node_uuid
            order by node_results.runs desc, node_results.result_key
        ) as label_rank
    from node_results
    left join result_names
        on node_results.flow_uuid = result_names.flow_uuid
        and node_results.result_key = result_names.result_key
),

final as (
    select
        reached.flow_uuid,
        flows.flow_name,
        reached.node_uuid,
        node_labels.label,
        reached.runs_reached,
        reached.runs_ended_here,
        reached.ongoing,
        reached.interrupted,
        reached.expired,
        reached.failed
    from reached
    left join flows
        on reached.flow_uuid = flows.flow_uuid
    left join node_labels
        on reached.flow_uuid = node_labels.flow_uuid
        and reached.node_uuid = node_labels.node_uuid
        and node_labels.label_rank = 1
)

select * from final
