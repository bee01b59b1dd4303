with

visits as (
    select
        flow_uuid,
        exit_type,
        last_node,
        unnest(list_distinct(list_transform(path, step -> step.node))) as node_uuid
    from runs
    where path is not null
),

reached as (
    select
        flow_uuid,
        node_uuid,
        count(*) as runs_reached,
        count(*) filter (where node_uuid = last_node and (exit_type is null or exit_type <> 'completed')) as runs_ended_here,
        count(*) filter (where node_uuid = last_node and exit_type is null) as ongoing,
        count(*) filter (where node_uuid = last_node and exit_type = 'interrupted') as interrupted,
        count(*) filter (where node_uuid = last_node and exit_type = 'expired') as expired,
        count(*) filter (where node_uuid = last_node and exit_type = 'failed') as failed
    from visits
    where node_uuid is not null
    group by all
),

node_results as (
    select flow_uuid, node_uuid, result_key, sum(value_count) as runs
    from result_value_counts
    where node_uuid is not null
    group by all
),

node_labels as (
    select
        node_results.flow_uuid,
        node_results.node_uuid,
        coalesce(result_names.result_name, node_results.result_key) as label,
        row_number() over (partition by node_results.flow_uuid, node_results.node_uuid order by node_results.runs desc, node_results.result_key) as label_rank
    from node_results
    left join result_names on node_results.flow_uuid = result_names.flow_uuid and node_results.result_key = result_names.result_key
),

final as (
    select
        reached.flow_uuid,
        reached.node_uuid,
        node_labels.label,
        reached.runs_reached,
        reached.runs_ended_here,
        reached.ongoing,
        reached.interrupted,
        reached.expired,
        reached.failed
    from reached
    left join node_labels
        on reached.flow_uuid = node_labels.flow_uuid and reached.node_uuid = node_labels.node_uuid and node_labels.label_rank = 1
)

select * from final
